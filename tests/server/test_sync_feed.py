"""Pulls: snapshots page through exactly the current state, the feed replays what changed,
a late commit is never skipped, pruning forces a resync of one scope, and members stay private.

`Replica` below applies answers the way the tablet does, so each test checks
what a client ends up holding, not just what one answer looked like.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine, func
from sqlalchemy.exc import OperationalError
from sqlmodel import Session, col, select

from shopguide.server.models import (
    Brand,
    ChangeLog,
    Coupon,
    Member,
    Price,
    StockLevel,
    Store,
    Style,
    Variant,
)
from shopguide.server.sync.feed import prune_feed
from tests.server.conftest import ServerUnderTest

PULL = "/api/v1/sync/pull"
State = dict[str, dict[str, list[Any]]]  # entity -> key -> row


def key_of(entity: str, row: list[Any]) -> str:
    return f"{row[0]}:{row[1]}" if entity == "price" else str(row[0])


@dataclass
class Replica:
    """One scope as a tablet holds it: rows by entity and key, and the cursor."""

    scope: str
    state: State = field(default_factory=dict)
    cursor: str | None = None
    pages: list[dict[str, Any]] = field(default_factory=list)

    def apply(self, answer: dict[str, Any], *, asked_null: bool) -> None:
        assert answer["kind"] in ("snapshot", "changes"), answer
        if asked_null:
            self.state = {}
        for entity, table in answer["upserts"].items():
            rows = self.state.setdefault(entity, {})
            for row in table["rows"]:
                assert len(row) == len(table["columns"])
                rows[key_of(entity, row)] = row
        for entity, keys in answer["deletes"].items():
            for key in keys:
                self.state.get(entity, {}).pop(key, None)
        self.cursor = answer["cursor"]
        self.pages.append(answer)


def pull(
    server: ServerUnderTest, headers: dict[str, str], scopes: dict[str, str | None], limit: int
) -> dict[str, Any]:
    response = server.client.post(PULL, json={"scopes": scopes, "limit": limit}, headers=headers)
    assert response.status_code == 200, response.text
    answer: dict[str, Any] = response.json()["scopes"]
    return answer


def sync(
    server: ServerUnderTest, headers: dict[str, str], replica: Replica, limit: int = 5000
) -> Replica:
    """Pull the scope until `has_more` is false, applying each page."""
    for _ in range(1000):
        asked_null = replica.cursor is None
        answer = pull(server, headers, {replica.scope: replica.cursor}, limit)[replica.scope]
        replica.apply(answer, asked_null=asked_null)
        if not answer["has_more"]:
            return replica
    raise AssertionError("the scope never finished")


def iso(value: datetime) -> str:
    return value.astimezone(UTC).isoformat()


def expected_state(engine: Engine, scope: str) -> State:
    """What the scope should hold, built from the tables independently of the server code."""
    with Session(engine) as s:
        if scope == "catalog":
            return {
                "style": {
                    str(x.id): [
                        x.id,
                        x.code,
                        x.name,
                        x.category,
                        x.kind,
                        x.gender,
                        x.season,
                        x.description,
                        x.list_price,
                        x.currency,
                    ]
                    for x in s.exec(select(Style))
                },
                "variant": {
                    str(v.id): [
                        v.id,
                        v.style_id,
                        v.sku,
                        v.barcode,
                        v.colour,
                        v.colour_code,
                        v.size,
                        v.size_rank,
                        v.active,
                    ]
                    for v in s.exec(select(Variant))
                },
                "price": {
                    f"{p.style_id}:{p.tier}": [p.style_id, p.tier, p.amount]
                    for p in s.exec(select(Price))
                },
            }
        if scope == "config":
            return {
                "store": {
                    str(x.id): [
                        x.id,
                        x.code,
                        x.name,
                        x.city,
                        x.district,
                        x.address,
                        x.latitude,
                        x.longitude,
                        x.opening_hours,
                        x.phone,
                    ]
                    for x in s.exec(select(Store))
                },
                "brand": {
                    str(b.id): [b.id, b.code, b.name, b.currency, b.country, b.phone_salt]
                    for b in s.exec(select(Brand))
                },
            }
        kind, store_id = scope.split(":")
        if kind == "stock":
            levels = s.exec(select(StockLevel).where(StockLevel.store_id == int(store_id)))
            return {
                "stock": {
                    str(x.variant_id): [x.variant_id, x.on_hand, iso(x.updated_at)]
                    for x in levels.all()
                }
            }
        salt = s.exec(select(Brand.phone_salt)).one()
        members = s.exec(select(Member).where(Member.home_store_id == int(store_id)))
        state: State = {"member": {}, "coupon": {}}
        for m in members:
            state["member"][str(m.id)] = [
                m.id,
                m.card_number,
                hmac.new(salt.encode(), m.phone.encode(), hashlib.sha256).hexdigest(),
                m.phone[-4:],
                m.name,
                m.tier,
                m.points,
                m.birthday.isoformat() if m.birthday else None,
                m.sizes,
                m.note,
                m.home_store_id,
            ]
            for c in s.exec(select(Coupon).where(Coupon.member_id == m.id)).all():
                state["coupon"][str(c.id)] = [
                    c.id,
                    c.member_id,
                    c.code,
                    c.title,
                    c.kind,
                    c.value,
                    c.min_spend,
                    c.category,
                    iso(c.valid_from),
                    iso(c.valid_to),
                    c.state,
                ]
        return state


def non_empty(state: State) -> State:
    return {entity: rows for entity, rows in state.items() if rows}


def set_stock(engine: Engine, store_id: int, variant_id: int, on_hand: int) -> None:
    with Session(engine) as s:
        level = s.get(StockLevel, (store_id, variant_id))
        assert level is not None
        level.on_hand = on_hand
        level.updated_at = datetime.now(UTC)
        s.add(level)
        s.commit()


@pytest.fixture
def engine(server: ServerUnderTest) -> Engine:
    engine: Engine = server.app.state.engine
    return engine


# ----------------------------------------------------------------------------- snapshots


@pytest.mark.parametrize("scope_key", ["catalog", "config", "stock:A", "members:A"])
def test_a_snapshot_pages_through_exactly_the_current_state(
    server: ServerUnderTest, engine: Engine, scope_key: str
) -> None:
    w = server.world
    scope = scope_key.replace(":A", f":{w.store_a}")
    replica = sync(server, server.login("a.guide"), Replica(scope), limit=3)

    assert non_empty(replica.state) == non_empty(expected_state(engine, scope))
    assert all(p["kind"] == "snapshot" and p["has_more"] for p in replica.pages[:-1])
    sizes = [sum(len(t["rows"]) for t in p["upserts"].values()) for p in replica.pages]
    assert all(size <= 3 for size in sizes)
    assert replica.pages[-2]["cursor"].startswith("c1."), "the last snapshot page hands over"
    assert replica.pages[-1]["kind"] == "changes"
    assert replica.pages[-1]["upserts"] == {}
    assert replica.pages[-1]["deletes"] == {}


def test_one_page_can_carry_several_entities_in_protocol_order(server: ServerUnderTest) -> None:
    answer = pull(server, server.login("a.guide"), {"catalog": None}, 5000)["catalog"]
    assert answer["kind"] == "snapshot"
    assert list(answer["upserts"]) == ["style", "variant", "price"]
    assert answer["upserts"]["variant"]["columns"] == [
        "id",
        "style_id",
        "sku",
        "barcode",
        "colour",
        "colour_code",
        "size",
        "size_rank",
        "active",
    ]
    assert answer["cursor"].startswith("c1.")
    assert answer["has_more"] is True


def test_changes_during_a_snapshot_are_replayed_after_it(
    server: ServerUnderTest, engine: Engine
) -> None:
    w = server.world
    scope = f"stock:{w.store_a}"
    headers = server.login("a.guide")
    replica = Replica(scope)
    first = pull(server, headers, {scope: None}, 4)[scope]
    replica.apply(first, asked_null=True)
    sent = [row[0] for row in first["upserts"]["stock"]["rows"]]

    set_stock(engine, w.store_a, sent[0], 99)  # a row already sent
    with Session(engine) as s:  # a row not sent yet disappears
        gone = s.get(StockLevel, (w.store_a, max(w.variants.values())))
        s.delete(gone)
        s.commit()
    sync(server, headers, replica, limit=4)

    assert replica.state == expected_state(engine, scope)
    assert replica.state["stock"][str(sent[0])][1] == 99


# ----------------------------------------------------------------------------- changes


def test_deletes_travel_as_tombstones(server: ServerUnderTest, engine: Engine) -> None:
    w = server.world
    headers = server.login("admin")
    catalog = sync(server, headers, Replica("catalog"))
    with Session(engine) as s:
        price = s.exec(select(Price).where(Price.style_id == w.runner)).one()
        s.delete(price)
        s.commit()

    answer = pull(server, headers, {"catalog": catalog.cursor}, 5000)["catalog"]

    assert answer == {
        "kind": "changes",
        "upserts": {},
        "deletes": {"price": [f"{w.runner}:gold"]},
        "cursor": answer["cursor"],
        "has_more": False,
    }
    catalog.apply(answer, asked_null=False)
    assert non_empty(catalog.state) == non_empty(expected_state(engine, "catalog"))


def test_a_member_who_moves_store_leaves_with_their_coupons(
    server: ServerUnderTest, engine: Engine
) -> None:
    w = server.world
    headers = server.login("admin")
    a = sync(server, headers, Replica(f"members:{w.store_a}"))
    b = sync(server, headers, Replica(f"members:{w.store_b}"))
    assert str(w.member_wang) in a.state["member"]
    with Session(engine) as s:
        wang = s.get(Member, w.member_wang)
        assert wang is not None
        wang.home_store_id = w.store_b
        s.add(wang)
        s.commit()

    sync(server, headers, a)
    sync(server, headers, b)

    assert a.pages[-1]["deletes"]["member"] == [str(w.member_wang)]
    assert len(a.pages[-1]["deletes"]["coupon"]) == 1
    assert non_empty(a.state) == non_empty(expected_state(engine, f"members:{w.store_a}"))
    assert b.state == expected_state(engine, f"members:{w.store_b}")
    assert str(w.member_wang) in b.state["member"]
    assert b.state["coupon"]


def test_a_page_keeps_only_the_last_state_of_each_key(
    server: ServerUnderTest, engine: Engine
) -> None:
    w = server.world
    scope = f"stock:{w.store_a}"
    headers = server.login("a.guide")
    replica = sync(server, headers, Replica(scope))
    first, second = sorted(w.variants.values())[:2]
    for on_hand in (5, 6, 7):
        set_stock(engine, w.store_a, first, on_hand)
    set_stock(engine, w.store_a, second, 1)
    with Session(engine) as s:
        level = s.get(StockLevel, (w.store_a, second))
        s.delete(level)
        s.commit()

    answer = pull(server, headers, {scope: replica.cursor}, 5000)[scope]

    rows = answer["upserts"]["stock"]["rows"]
    assert [(row[0], row[1]) for row in rows] == [(first, 7)]
    assert answer["deletes"] == {"stock": [str(second)]}


def test_changes_come_in_pages_and_the_cursor_moves_page_by_page(
    server: ServerUnderTest, engine: Engine
) -> None:
    w = server.world
    scope = f"stock:{w.store_b}"
    headers = server.login("a.guide")
    replica = sync(server, headers, Replica(scope))
    variants = sorted(w.variants.values())[:5]
    for n, variant_id in enumerate(variants):
        set_stock(engine, w.store_b, variant_id, 50 + n)

    pages_before = len(replica.pages)
    sync(server, headers, replica, limit=2)

    new_pages = replica.pages[pages_before:]
    assert [p["has_more"] for p in new_pages] == [True, True, False]
    assert replica.state == expected_state(engine, scope)


# ----------------------------------------------------------------------------- late commits


def open_stock_write(engine: Engine, store_id: int, variant_id: int) -> Session:
    """A transaction that has set the stock to 41 (change row included) and not committed."""
    session = Session(engine)
    level = session.get(StockLevel, (store_id, variant_id))
    assert level is not None
    level.on_hand = 41
    session.add(level)
    session.flush()
    return session


def test_a_late_commit_is_never_skipped(server: ServerUnderTest, engine: Engine) -> None:
    """T1 writes first and commits last; T2 writes later and wants to commit first.

    PostgreSQL lets T2 commit; the feed then holds T2's change back until T1
    has committed. SQLite does not let T2 write at all while T1 is open.
    Either way the pull in between moves past neither change, and the pull
    after both commits delivers both.
    """
    w = server.world
    scope = f"stock:{w.store_a}"
    headers = server.login("a.guide")
    replica = sync(server, headers, Replica(scope))
    early, late = sorted(w.variants.values())[:2]

    t1 = open_stock_write(engine, w.store_a, early)
    try:
        if server.settings.is_sqlite:
            impatient = create_engine(server.settings.database_url, connect_args={"timeout": 0.2})
            with pytest.raises(OperationalError, match="locked"):
                set_stock(impatient, w.store_a, late, 42)
            impatient.dispose()
        else:
            set_stock(engine, w.store_a, late, 42)  # T2 commits while T1 is still open

        between = pull(server, headers, {scope: replica.cursor}, 5000)[scope]
        assert between["upserts"] == {}
        assert between["cursor"] == replica.cursor
        t1.commit()
    finally:
        t1.close()
    if server.settings.is_sqlite:
        set_stock(engine, w.store_a, late, 42)  # T2 can write only now
    replica.apply(between, asked_null=False)
    sync(server, headers, replica)

    assert replica.state["stock"][str(early)][1] == 41
    assert replica.state["stock"][str(late)][1] == 42
    assert replica.state == expected_state(engine, scope)


def test_a_cursor_of_the_highest_id_seen_would_skip_a_late_commit(
    server: ServerUnderTest, engine: Engine
) -> None:
    """Why the feed orders by transaction id: the naive cursor loses T1's change."""
    if server.settings.is_sqlite:
        pytest.skip("SQLite serialises writers, so a late commit cannot happen there")
    w = server.world
    scope = f"stock:{w.store_a}"
    headers = server.login("a.guide")
    replica = sync(server, headers, Replica(scope))
    early, late = sorted(w.variants.values())[:2]
    with Session(engine) as s:
        naive_cursor = s.exec(select(func.max(ChangeLog.id))).one()

    def naive_pull() -> list[int]:
        with Session(engine) as s:
            return list(
                s.exec(
                    select(ChangeLog.id)
                    .where(ChangeLog.scope == scope, col(ChangeLog.id) > naive_cursor)
                    .order_by(col(ChangeLog.id))
                )
            )

    t1 = open_stock_write(engine, w.store_a, early)
    try:
        set_stock(engine, w.store_a, late, 42)
        seen = naive_pull()
        naive_cursor = seen[-1]
        t1.commit()
    finally:
        t1.close()
    with Session(engine) as s:
        t1_change = s.exec(
            select(func.max(ChangeLog.id)).where(
                ChangeLog.scope == scope, ChangeLog.key == str(early)
            )
        ).one()

    assert t1_change < naive_cursor, "T1's change sits behind the naive cursor"
    assert t1_change not in naive_pull(), "so the naive feed never delivers it"
    sync(server, headers, replica)
    assert replica.state["stock"][str(early)][1] == 41, "the real feed does"


# ----------------------------------------------------------------------------- resync


def test_a_client_behind_the_pruned_horizon_resyncs_that_scope_only(
    server: ServerUnderTest, engine: Engine
) -> None:
    w = server.world
    headers = server.login("a.guide")
    stock_a, stock_b = f"stock:{w.store_a}", f"stock:{w.store_b}"
    a = sync(server, headers, Replica(stock_a))
    behind = a.cursor
    variant = min(w.variants.values())
    set_stock(engine, w.store_a, variant, 11)
    set_stock(engine, w.store_b, variant, 12)
    b = sync(server, headers, Replica(stock_b))

    with Session(engine) as s:
        assert prune_feed(s, datetime.now(UTC) + timedelta(seconds=1)) > 0
    answers = pull(server, headers, {stock_a: behind, stock_b: b.cursor}, 5000)

    assert answers[stock_a] == {"kind": "resync"}
    assert answers[stock_b]["kind"] == "changes"
    rebuilt = sync(server, headers, Replica(stock_a))
    assert rebuilt.state == expected_state(engine, stock_a)
    set_stock(engine, w.store_a, variant, 13)
    sync(server, headers, rebuilt)
    assert rebuilt.state["stock"][str(variant)][1] == 13


def test_a_cursor_from_another_database_gets_resync(server: ServerUnderTest) -> None:
    scope = f"stock:{server.world.store_a}"
    answers = pull(server, server.login("a.guide"), {scope: "c1.999999999999.1"}, 10)
    assert answers[scope] == {"kind": "resync"}


# ----------------------------------------------------------------------------- privacy, access


def test_members_travel_with_a_phone_hash_never_the_phone(server: ServerUnderTest) -> None:
    w = server.world
    headers = server.login("a.guide")
    response = server.client.post(
        PULL, json={"scopes": {f"members:{w.store_a}": None, "config": None}}, headers=headers
    )
    assert "13812345678" not in response.text
    scopes = response.json()["scopes"]
    salt = scopes["config"]["upserts"]["brand"]["rows"][0][5]
    member = scopes[f"members:{w.store_a}"]["upserts"]["member"]
    row = dict(zip(member["columns"], member["rows"][0], strict=True))
    phone = "+86 138-1234-5678"  # as a customer might say it, normalised before hashing
    digits = "13812345678"
    assert row["phone_hash"] == hmac.new(salt.encode(), digits.encode(), "sha256").hexdigest()
    assert phone.endswith(row["phone_last4"])


def test_guides_sync_their_own_stores_members_only(server: ServerUnderTest) -> None:
    w = server.world
    for user in ("a.guide", "a.manager"):
        response = server.client.post(
            PULL, json={"scopes": {f"members:{w.store_b}": None}}, headers=server.login(user)
        )
        assert response.status_code == 403
        assert "own store" in response.json()["detail"]
    everything = {
        "catalog": None,
        "config": None,
        f"stock:{w.store_b}": None,
        f"stock:{w.store_c}": None,
        f"members:{w.store_a}": None,
    }
    response = server.client.post(
        PULL, json={"scopes": everything}, headers=server.login("a.guide")
    )
    assert response.status_code == 200
    admin = server.client.post(
        PULL, json={"scopes": {f"members:{w.store_b}": None}}, headers=server.login("admin")
    )
    assert admin.status_code == 200


def snapshot_cursor(payload: object) -> str:
    return "s1." + base64.urlsafe_b64encode(json.dumps(payload).encode()).decode()


@pytest.mark.parametrize(
    ("body", "status", "reason"),
    [
        ({"scopes": {"prices": None}}, 422, "unknown scope 'prices'"),
        ({"scopes": {"stock:abc": None}}, 422, "unknown scope"),
        ({"scopes": {"stock:0": None}}, 422, "unknown scope"),
        ({"scopes": {"stock:99999999999": None}}, 422, "unknown scope"),
        ({"scopes": {"stock:424242": None}}, 404, "no store with id 424242"),
        ({"scopes": {"catalog": "c1.x.1"}}, 422, "malformed cursor for catalog"),
        ({"scopes": {"catalog": "s1.bm90IGpzb24"}}, 422, "malformed cursor"),
        ({"scopes": {"catalog": snapshot_cursor(["catalog", 9, None, 0, 0])}}, 422, "malformed"),
        ({"scopes": {"catalog": snapshot_cursor(["catalog", 0, "x", 0, 0])}}, 422, "malformed"),
        ({"scopes": {"catalog": snapshot_cursor(["catalog", 0, [1], -1, 0])}}, 422, "malformed"),
        ({"scopes": {"catalog": snapshot_cursor({"a": 1})}}, 422, "malformed"),
        ({"scopes": {"config": snapshot_cursor(["catalog", 0, None, 0, 0])}}, 422, "another"),
        ({"scopes": {"catalog": "hello"}}, 422, "malformed cursor"),
        ({"scopes": {}}, 422, "scopes"),
        ({"scopes": {f"stock:{n}": None for n in range(1, 52)}}, 422, "scopes"),
        ({"scopes": {"catalog": None}, "limit": 0}, 422, "limit"),
        ({"scopes": {"catalog": None}, "limit": 20001}, 422, "limit"),
        ({"scopes": ["catalog"]}, 422, "scopes"),
        ({}, 422, "scopes"),
    ],
)
def test_bad_pulls_get_a_4xx_with_a_reason(
    server: ServerUnderTest, body: dict[str, Any], status: int, reason: str
) -> None:
    response = server.client.post(PULL, json=body, headers=server.login("a.guide"))
    assert response.status_code == status, response.text
    assert reason in response.json()["detail"]


def test_pulling_needs_a_login(server: ServerUnderTest) -> None:
    assert server.client.post(PULL, json={"scopes": {"catalog": None}}).status_code == 401
