"""The revenue split ledger: a paid order's total shared to the minor unit among the parties of the
rule in force, once however often it is asked, and reversed exactly on refund; guides' referral
codes put a sale on the guide whose code the customer brought."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from sqlmodel import Session, col, select

from shopguide.core.ids import uuid7_str
from shopguide.core.split import Party, Share, ShareKind, SplitRule
from shopguide.server.models import Order, OrderLine, SplitEntry, Store
from shopguide.server.models import SplitRule as StoredRule
from shopguide.server.models.types import utcnow
from shopguide.server.services import revenue_split
from tests.server.conftest import ServerUnderTest
from tests.server.test_payments import new_intent, place_order, wallet_path
from tests.server.test_sync_push import mutation, order_payload, push

SIX = SplitRule(
    (
        Share(Party.BRAND, ShareKind.REMAINDER),
        Share(Party.STORE, ShareKind.PERCENT, 1000),
        Share(Party.GUIDE, ShareKind.PERCENT, 500),
        Share(Party.MALL, ShareKind.PERCENT, 300),
        Share(Party.PLATFORM, ShareKind.PERCENT, 200),
        Share(Party.THIRD_PARTY, ShareKind.FIXED, 100),
    )
)


def set_rule(
    server: ServerUnderTest,
    rule: SplitRule = SIX,
    *,
    store: bool = True,
    days_ago: int = 1,
) -> int:
    """Put `rule` in force for store A (or, `store=False`, for the brand) since `days_ago`."""
    with Session(server.app.state.engine) as s:
        stored = StoredRule(
            store_id=server.world.store_a if store else None,
            brand_id=None if store else brand_id(server),
            parties=rule.to_json(),
            active_from=utcnow() - timedelta(days=days_ago),
        )
        s.add(stored)
        s.commit()
        return stored.id or 0


def brand_id(server: ServerUnderTest) -> int:
    with Session(server.app.state.engine) as s:
        store = s.get(Store, server.world.store_a)
        assert store is not None
        return store.brand_id


def cash_sale(
    server: ServerUnderTest,
    headers: dict[str, str],
    total: int,
    *,
    referral_code: str | None = None,
    **order: Any,
) -> list[dict[str, Any]]:
    """An order of one T-shirt line of `total` and its cash payment, pushed."""
    payload = order_payload(
        server, lines=[(server.world.variants["TS-0001-NAV-M"], 1, total, 0)], **order
    )
    if referral_code is not None:
        payload["referral_code"] = referral_code
    payment = {
        "order_id": payload["order_id"],
        "method": "cash",
        "amount": total,
        "currency": "CNY",
        "confirmed_by_guide": True,
    }
    return push(
        server, headers, mutation("order.place", payload), mutation("payment.record", payment)
    )


def entries(server: ServerUnderTest, order_id: str) -> list[SplitEntry]:
    with Session(server.app.state.engine) as s:
        return list(
            s.exec(
                select(SplitEntry)
                .where(SplitEntry.order_id == order_id)
                .order_by(col(SplitEntry.id))
            ).all()
        )


def test_an_odd_total_among_six_parties_adds_up_and_a_refund_reverses_it_exactly(
    server: ServerUnderTest,
) -> None:
    w = server.world
    rule_id = set_rule(server)
    placed, paid = cash_sale(server, server.login("a.guide"), 10001)
    assert paid["status"] == "applied", paid
    order_id = placed["result"]["order_id"]

    earned = entries(server, order_id)
    assert sum(e.amount for e in earned) == 10001
    assert {(e.party, e.party_id, e.amount) for e in earned} == {
        ("brand", brand_id(server), 7921),
        ("store", w.store_a, 990),
        ("guide", w.users["a.guide"], 495),
        ("mall", None, 297),
        ("platform", None, 198),
        ("third_party", None, 100),
    }
    assert {e.kind for e in earned} == {"earn"}
    assert {e.rule_id for e in earned} == {rule_id}

    with Session(server.app.state.engine) as s:
        again = revenue_split.split_order(s, order_id)
        assert [e.id for e in again] == [e.id for e in earned]
        reversed_now = revenue_split.reverse_order(s, order_id)
        reversed_again = revenue_split.reverse_order(s, order_id)
        s.commit()
    assert len(reversed_now) == 6
    assert reversed_again == []
    ledger = entries(server, order_id)
    assert sum(e.amount for e in ledger) == 0
    by_cause = {e.key: e.amount for e in ledger}
    for earn in earned:
        assert by_cause[f"reverse:{earn.id}"] == -earn.amount


@hypothesis_settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    st.integers(0, 10**8).map(lambda n: 2 * n + 1),
    st.lists(st.integers(1, 4), min_size=1, max_size=4),
)
def test_any_odd_total_splits_exactly_among_its_lines_guides_and_reverses_to_nothing(
    server: ServerUnderTest, total: int, guides: list[int]
) -> None:
    """An order whose lines several guides sold: the guide part is shared by line amounts."""
    w = server.world
    with Session(server.app.state.engine, expire_on_commit=False) as s:
        if s.exec(select(StoredRule)).first() is None:
            s.add(StoredRule(store_id=w.store_a, parties=SIX.to_json(), active_from=utcnow()))
        staff = [w.users[n] for n in ("a.guide", "a.manager", "b.guide", "admin")]
        order_id = uuid7_str()
        s.add(
            Order(
                id=order_id,
                store_id=w.store_a,
                guide_id=staff[0],
                currency="CNY",
                subtotal=total,
                discount=0,
                total=total,
            )
        )
        s.flush()
        weights = [total // len(guides)] * len(guides)
        weights[0] += total - sum(weights)
        for number, (who, net) in enumerate(zip(guides, weights, strict=True), 1):
            s.add(
                OrderLine(
                    order_id=order_id,
                    line_no=number,
                    variant_id=w.runner_black_42,
                    quantity=1,
                    unit_price=net,
                    discount=0,
                    net=net,
                    guide_id=staff[who - 1],
                )
            )
        earned = revenue_split.split_order(s, order_id)
        reversal = revenue_split.reverse_order(s, order_id)
        s.commit()
    assert sum(e.amount for e in earned) == total
    guide_part = sum(e.amount for e in earned if e.party == "guide")
    assert {e.party_id for e in earned if e.party == "guide"} <= {staff[g - 1] for g in guides}
    assert abs(guide_part * 10_000 - max(total - 100, 0) * 500) < 10_000
    assert sum(e.amount for e in reversal) == -total
    assert sorted(-e.amount for e in reversal) == sorted(e.amount for e in earned)


def test_the_stores_own_rule_comes_before_the_brands_and_the_newest_in_force_wins(
    server: ServerUnderTest,
) -> None:
    brand_rule = SplitRule((Share(Party.BRAND, ShareKind.REMAINDER),))
    set_rule(server, brand_rule, store=False)
    [_, paid] = cash_sale(server, server.login("b.guide"), 500, store_id=server.world.store_b)
    b_order = paid["result"]
    assert b_order["status"] == "recorded_offline"
    old = set_rule(server, SIX, days_ago=10)
    newer = set_rule(
        server,
        SplitRule(
            (Share(Party.STORE, ShareKind.PERCENT, 2000), Share(Party.BRAND, ShareKind.REMAINDER))
        ),
        days_ago=2,
    )
    set_rule(server, SIX, days_ago=-1)  # not in force until tomorrow
    [placed, _] = cash_sale(server, server.login("a.guide"), 1000)
    earned = entries(server, placed["result"]["order_id"])
    assert {(e.party, e.amount, e.rule_id) for e in earned} == {
        ("store", 200, newer),
        ("brand", 800, newer),
    }
    assert old != newer
    with Session(server.app.state.engine) as s:
        b_entries = s.exec(select(SplitEntry).where(SplitEntry.store_id == server.world.store_b))
        assert [(e.party, e.amount) for e in b_entries] == [("brand", 500)]


def test_an_order_with_no_rule_in_force_books_nothing(server: ServerUnderTest) -> None:
    [placed, paid] = cash_sale(server, server.login("a.guide"), 1234)
    assert paid["status"] == "applied"
    assert entries(server, placed["result"]["order_id"]) == []


# ----------------------------------------------------------------------------- referral codes


def test_a_guides_referral_code_puts_the_sale_on_that_guide(server: ServerUnderTest) -> None:
    w = server.world
    a_guide = server.login("a.guide")
    path = f"/api/v1/users/{w.users['a.guide']}/referral-code"
    issued = server.client.post(path, headers=a_guide)
    assert issued.status_code == 200, issued.text
    code = issued.json()["code"]
    assert len(code) == 8
    assert issued.json()["url"].endswith(f"/r/{code}")
    assert server.client.post(path, headers=server.login("a.manager")).json()["code"] == code
    assert server.client.post(path, headers=server.login("b.guide")).status_code == 403

    landing = server.client.get(f"/r/{code.lower()}")
    assert landing.status_code == 200
    assert "id='guide-name'>a.guide<" in landing.text
    assert "id='store-name' class='meta'>Nanfeng COCO Park<" in landing.text
    assert server.client.get("/r/NOSUCHCODE").status_code == 404

    set_rule(server)
    [placed, _] = cash_sale(server, server.login("a.manager"), 2000, referral_code=code)
    assert placed["result"]["referral_guide_id"] == w.users["a.guide"]
    order_id = placed["result"]["order_id"]
    with Session(server.app.state.engine) as s:
        order = s.get(Order, order_id)
        assert order is not None
        assert (order.channel, order.referral_guide_id) == ("referral", w.users["a.guide"])
        assert order.guide_id == w.users["a.manager"]  # who rang it up
        [line] = s.exec(select(OrderLine).where(OrderLine.order_id == order_id)).all()
        assert line.guide_id == w.users["a.guide"]
    [guide_entry] = [e for e in entries(server, order_id) if e.party == "guide"]
    assert (guide_entry.party_id, guide_entry.amount) == (w.users["a.guide"], 95)

    [unknown, _] = cash_sale(server, server.login("a.manager"), 2000, referral_code="ZZZZ9999")
    assert unknown["status"] == "applied"
    assert unknown["result"]["referral_guide_id"] is None


# ----------------------------------------------------------------------------- rules


def test_admins_set_split_rules_and_managers_read_their_stores(server: ServerUnderTest) -> None:
    w = server.world
    body = {"store_id": w.store_a, "parties": SIX.to_json()}
    admin, manager = server.login("admin"), server.login("a.manager")
    assert server.client.post("/api/v1/split-rules", json=body, headers=manager).status_code == 403
    made = server.client.post("/api/v1/split-rules", json=body, headers=admin)
    assert made.status_code == 201, made.text
    listed = server.client.get(
        "/api/v1/split-rules", params={"store_id": w.store_a}, headers=manager
    )
    assert [r["id"] for r in listed.json()] == [made.json()["id"]]
    assert listed.json()[0]["parties"] == SIX.to_json()
    guide = server.client.get(
        "/api/v1/split-rules", params={"store_id": w.store_a}, headers=server.login("a.guide")
    )
    assert guide.status_code == 403

    two_remainders = [*SIX.to_json(), {"party": "guide", "kind": "remainder", "value": 0}]
    refused = server.client.post(
        "/api/v1/split-rules",
        json={"store_id": w.store_a, "parties": two_remainders[1:]},
        headers=admin,
    )
    assert refused.status_code == 422
    assert "guide appears more than once" in refused.json()["detail"]
    [placed, _] = cash_sale(server, server.login("a.guide"), 10001)
    assert sum(e.amount for e in entries(server, placed["result"]["order_id"])) == 10001


def test_a_wallet_payment_books_the_split_and_a_refund_reverses_it_exactly(
    server: ServerUnderTest,
) -> None:
    set_rule(server)
    guide = server.login("a.guide")
    order_id = place_order(server, guide, quantity=3)
    intent = new_intent(server, guide, order_id)
    server.client.post(wallet_path(intent) + "/pay")
    server.client.post(wallet_path(intent) + "/pay")
    with Session(server.app.state.engine) as s:
        booked = s.exec(select(SplitEntry).where(SplitEntry.order_id == order_id)).all()
    assert sum(e.amount for e in booked) == 3 * 9900
    assert {e.kind for e in booked} == {"earn"}
    server.client.post(f"/api/v1/payments/{intent['id']}/refund", headers=server.login("a.manager"))
    with Session(server.app.state.engine) as s:
        after = s.exec(select(SplitEntry).where(SplitEntry.order_id == order_id)).all()
    assert sum(e.amount for e in after) == 0
    by_party: dict[str, int] = {}
    for entry in after:
        by_party[entry.party] = by_party.get(entry.party, 0) + entry.amount
    assert set(by_party.values()) == {0}, "every party gives back exactly what it got"
