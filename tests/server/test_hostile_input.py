"""Hostile input: huge and deeply nested bodies, SQL, script, LIKE, FTS and formula text.

Bodies the server cannot or will not read get a 4xx with a reason and never a
500. Text that looks like SQL, markup, LIKE wildcards, FTS5 syntax or a
spreadsheet formula is just text: stored and read back unchanged in every
field that keeps it, matched literally by search, escaped on every HTML page
(wallet, receipt, member and referral pages) and defused in CSV downloads,
and nothing else in the database changes.
"""

from __future__ import annotations

import html
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlmodel import Session, SQLModel, col
from sqlmodel import select as sqlmodel_select

from shopguide.core.ids import uuid7_str
from shopguide.server.models import Brand, Member, Store, Style, User
from shopguide.server.models.types import utcnow
from tests.server.conftest import ServerUnderTest
from tests.server.test_manager import read_csv
from tests.server.test_sync_push import mutation, push

SQL = [
    "' OR 1=1 --",
    "' OR '1'='1",
    '"; DROP TABLE member; --',
    'Robert\'); DROP TABLE "user";--',
    "1; SELECT pg_sleep(5)",
    '\' UNION SELECT password_hash FROM "user" --',
]
SCRIPT = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '"><svg onload=alert(1)>',
    "'><a href='javascript:alert(1)'>x</a>",
    "{{7*7}} ${7*7} <%= 7*7 %>",
    "&lt;b&gt; &amp; &#x3C;",
]
WILDCARDS = ["%", "_", "%%", "a%b_c", "\\", "\\%", "[a-z]*"]
FTS = ['"', "*", "NEAR(", "NEAR(a b)", "OR", "a OR b", "NOT x", "-x", "^x", "words:x", "(", ")"]
PAYLOADS = SQL + SCRIPT + WILDCARDS + FTS
STORED = SQL + SCRIPT + WILDCARDS[:4]
MARKUP = set("<>\"'&")

# Tables a text field's write must leave alone (row counts compared before and after).
CATALOG_AND_PEOPLE = ["brand", "store", "style", "variant", "price", "stock_level", "coupon"]


def row_counts(server: ServerUnderTest) -> dict[str, int]:
    with server.app.state.engine.connect() as conn:
        return {
            table.name: conn.execute(select(func.count()).select_from(table)).scalar_one()
            for table in SQLModel.metadata.sorted_tables
        }


def ids(values: list[str]) -> list[str]:
    return [repr(v)[:40] for v in values]


def assert_escaped(page: str, payload: str) -> None:
    assert html.escape(payload) in page
    if MARKUP & set(payload):
        assert payload not in page


# ----------------------------------------------------------------------------- bodies


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b"[" * 10_000, "nested too deeply"),
        (b"[" * 10_000 + b"]" * 10_000, "nested too deeply"),
        (b'{"a":' * 5_000 + b"1" + b"}" * 5_000, "nested too deeply"),
        (b'{"mutations": ' + b"[" * 50_000, "nested too deeply"),
        (b'{"mutations": []}\xff\xfe', "not UTF-8"),
        (b"\x00" * 100, "JSON"),
    ],
    ids=["10k [", "10k [] closed", "5k objects", "50k [ in a field", "not utf-8", "NUL bytes"],
)
@pytest.mark.parametrize("path", ["/api/v1/auth/login", "/api/v1/sync/push", "/api/v1/members"])
def test_an_unreadable_or_deeply_nested_body_is_refused_with_a_reason(
    server: ServerUnderTest, path: str, body: bytes, reason: str
) -> None:
    headers = {"Content-Type": "application/json", **server.login("a.guide")}
    before = row_counts(server)
    response = server.client.post(path, content=body, headers=headers)
    assert 400 <= response.status_code < 500, response.text
    assert reason in response.json()["detail"]
    assert row_counts(server) == before


def test_a_nested_payload_inside_a_mutation_is_rejected_and_the_batch_answered(
    server: ServerUnderTest,
) -> None:
    """400 levels parse as JSON (under the parser's limit) and reach the mutation check."""
    deep: Any = "x"
    for _ in range(200):
        deep = {"a": [deep]}
    member = server.world.member_wang
    results = push(
        server,
        server.login("a.guide"),
        mutation("member.update", {"member_id": member, "note": deep}),
        mutation("member.update", {"member_id": member, "sizes": deep}),
        mutation("nonsense", deep),
        mutation("member.update", {"member_id": member, "note": "still fine"}),
    )
    assert [r["status"] for r in results] == ["rejected", "rejected", "rejected", "applied"]
    assert all(len(r["reason"]) <= 500 for r in results[:3])


def test_a_body_without_a_length_is_cut_off_at_the_limit_with_a_413(
    server: ServerUnderTest,
) -> None:
    limit = server.settings.max_body_bytes

    def chunks() -> Iterator[bytes]:
        yield b'{"username": "'
        for _ in range(limit // 65_536 + 2):
            yield b"a" * 65_536
        yield b'", "password": "x"}'

    for path in ("/api/v1/auth/login", "/api/v1/sync/push"):
        response = server.client.post(
            path, content=chunks(), headers={"Content-Type": "application/json"}
        )
        assert response.status_code == 413, response.text
        assert f"larger than {limit} bytes" in response.json()["detail"]


def test_a_declared_length_over_the_limit_or_not_a_number_is_a_413(
    server: ServerUnderTest,
) -> None:
    for declared in (str(server.settings.max_body_bytes + 1), "12abc", "-1"):
        response = server.client.post(
            "/api/v1/auth/login",
            content=b"{}",
            headers={"Content-Type": "application/json", "Content-Length": declared},
        )
        assert response.status_code == 413, (declared, response.text)


def test_a_list_too_long_for_its_field_is_a_422_not_a_slow_request(
    server: ServerUnderTest,
) -> None:
    body = b'{"mutations": [' + b",".join([b"{}"] * 200_000) + b"]}"
    assert len(body) < server.settings.max_body_bytes
    response = server.client.post(
        "/api/v1/sync/push",
        content=body,
        headers={"Content-Type": "application/json", **server.login("a.guide")},
    )
    assert response.status_code == 422, response.text
    assert "mutations" in response.json()["detail"]


# ----------------------------------------------------------------------------- search


@pytest.mark.parametrize("payload", PAYLOADS, ids=ids(PAYLOADS))
def test_search_text_is_matched_literally_and_changes_nothing(
    server: ServerUnderTest, payload: str
) -> None:
    headers = server.login("a.guide")
    before = row_counts(server)
    with Session(server.app.state.engine) as s:
        styles = [(style.name, style.code) for style in s.exec(sqlmodel_select(Style)).all()]
    needle = payload.strip().lower()
    expected = sum(1 for name, code in styles if needle in name.lower() or needle in code.lower())

    found = server.client.get("/api/v1/catalog/styles", params={"q": payload}, headers=headers)
    by_category = server.client.get(
        "/api/v1/catalog/styles", params={"category": payload}, headers=headers
    )

    assert found.status_code == 200, found.text
    assert found.json()["total"] == expected
    assert by_category.status_code == 200, by_category.text
    assert by_category.json()["total"] == 0
    assert row_counts(server) == before


def test_a_style_named_with_wildcards_is_found_by_them_and_only_it(
    server: ServerUnderTest,
) -> None:
    with Session(server.app.state.engine) as s:
        tee = s.get(Style, server.world.tee)
        assert tee is not None
        tee.name = "100%_cotton \\ tee"
        s.add(tee)
        s.commit()
    headers = server.login("a.guide")
    for q, total in (("%", 1), ("_", 1), ("0%_c", 1), ("\\", 1), ("0%c", 0), ("0_c", 0)):
        found = server.client.get("/api/v1/catalog/styles", params={"q": q}, headers=headers)
        assert found.json()["total"] == total, q


# ----------------------------------------------------------------------------- stored text


@pytest.mark.parametrize("payload", STORED, ids=ids(STORED))
def test_hostile_text_is_stored_and_read_back_unchanged_in_every_field(
    server: ServerUnderTest, payload: str
) -> None:
    """Member name and note, reservation customer and reason, ship-to, a user's full name."""
    w = server.world
    a_guide, b_guide, admin = (
        server.login("a.guide"),
        server.login("b.guide"),
        server.login("admin"),
    )
    before = row_counts(server)

    enrolled = server.client.post(
        "/api/v1/members",
        json={"name": payload, "phone": "13700001111", "consent": True},
        headers=a_guide,
    )
    assert enrolled.status_code == 201, enrolled.text
    member_id = enrolled.json()["id"]
    reservation_id, transfer_id = uuid7_str(), uuid7_str()
    results = push(
        server,
        a_guide,
        mutation("member.update", {"member_id": member_id, "note": payload}),
        mutation(
            "reservation.request",
            {
                "reservation_id": reservation_id,
                "from_store_id": w.store_a,
                "at_store_id": w.store_b,
                "variant_id": w.runner_black_42,
                "customer_name": payload,
                "customer_phone": "138 1234 5678",
            },
        ),
        mutation(
            "transfer.request",
            {
                "transfer_id": transfer_id,
                "from_store_id": w.store_b,
                "to_store_id": w.store_a,
                "variant_id": w.variants["TS-0001-NAV-M"],
                "ship_to": {
                    "name": payload,
                    "phone": "13800002222",
                    "address": f"No. 5 {payload}",
                },
            },
        ),
    )
    assert [r["status"] for r in results] == ["applied"] * 3, results
    [refused] = push(
        server,
        b_guide,
        mutation(
            "reservation.answer",
            {"reservation_id": reservation_id, "answer": "refuse", "reason": payload},
        ),
    )
    assert refused["status"] == "applied", refused
    made = server.client.post(
        "/api/v1/users",
        json={
            "username": "hostile.guide",
            "full_name": payload,
            "role": "guide",
            "store_id": w.store_a,
            "password": "a long enough password",
        },
        headers=admin,
    )
    assert made.status_code == 201, made.text

    member = server.client.get(f"/api/v1/members/{member_id}", headers=a_guide).json()
    assert (member["name"], member["note"]) == (payload, payload)
    inbox = server.client.get(
        f"/api/v1/stores/{w.store_a}/inbox", params={"state": "all"}, headers=a_guide
    ).json()
    [reservation] = [r for r in inbox["reservations"] if r["id"] == reservation_id]
    assert (reservation["customer_name"], reservation["reason"]) == (payload, payload)
    [transfer] = [t for t in inbox["transfers"] if t["id"] == transfer_id]
    assert (transfer["ship_to_name"], transfer["ship_to_address"]) == (payload, f"No. 5 {payload}")
    with Session(server.app.state.engine) as s:
        user = s.exec(sqlmodel_select(User).where(col(User.username) == "hostile.guide")).one()
        assert user.full_name == payload

    after = row_counts(server)
    assert {t: after[t] for t in CATALOG_AND_PEOPLE} == {t: before[t] for t in CATALOG_AND_PEOPLE}
    assert (after["member"], after["user"]) == (before["member"] + 1, before["user"] + 1)
    assert (after["reservation"], after["transfer"]) == (
        before["reservation"] + 1,
        before["transfer"] + 1,
    )


@pytest.mark.parametrize("payload", ["x' OR 1=1 --", "x%", "x_"], ids=ids(["sql", "%", "_"]))
def test_a_username_that_is_not_letters_digits_dot_dash_is_refused(
    server: ServerUnderTest, payload: str
) -> None:
    admin = server.login("admin")
    before = row_counts(server)
    made = server.client.post(
        "/api/v1/users",
        json={
            "username": payload,
            "full_name": "Someone",
            "role": "guide",
            "store_id": server.world.store_a,
            "password": "a long enough password",
        },
        headers=admin,
    )
    assert made.status_code == 422, made.text
    assert "username" in made.json()["detail"]
    assert row_counts(server) == before


# ----------------------------------------------------------------------------- HTML pages


def _rename(server: ServerUnderTest, payload: str) -> None:
    """The brand, store A, the tee, member Li and a.guide all take the payload as their name."""
    with Session(server.app.state.engine) as s:
        for model, key in (
            (Store, server.world.store_a),
            (Style, server.world.tee),
            (Member, server.world.member_li),
        ):
            row = s.get(model, key)
            assert row is not None
            row.name = payload
            s.add(row)
        brand = s.exec(sqlmodel_select(Brand)).one()
        brand.name = payload
        guide = s.get(User, server.world.users["a.guide"])
        assert guide is not None
        guide.full_name = payload
        s.add_all([brand, guide])
        s.commit()


def _sell_a_tee(server: ServerUnderTest, headers: dict[str, str]) -> str:
    order_id = str(uuid.uuid4())
    [placed] = push(
        server,
        headers,
        mutation(
            "order.place",
            {
                "order_id": order_id,
                "store_id": server.world.store_a,
                "currency": "CNY",
                "lines": [
                    {
                        "variant_id": server.world.variants["TS-0001-NAV-M"],
                        "quantity": 1,
                        "unit_price": 9900,
                        "discount": 0,
                    }
                ],
                "subtotal": 9900,
                "discount": 0,
                "total": 9900,
                "created_at": utcnow().isoformat(),
            },
        ),
    )
    assert placed["status"] == "applied", placed
    return order_id


@pytest.mark.parametrize("payload", SCRIPT + SQL[:2], ids=ids(SCRIPT + SQL[:2]))
def test_every_page_a_phone_opens_shows_names_as_text(
    server: ServerUnderTest, payload: str
) -> None:
    _rename(server, payload)
    guide, manager = server.login("a.guide"), server.login("a.manager")

    order_id = _sell_a_tee(server, guide)
    intent = server.client.post("/api/v1/payments", json={"order_id": order_id}, headers=guide)
    assert intent.status_code == 201, intent.text
    wallet = "/pay/" + intent.json()["qr_content"].rsplit("/pay/", 1)[1]
    wallet_page = server.client.get(wallet)
    assert wallet_page.status_code == 200
    assert_escaped(wallet_page.text, payload)

    paid = server.client.post(wallet + "/pay")
    assert paid.status_code == 200, paid.text
    receipt = server.client.get(f"/api/v1/orders/{order_id}/receipt", headers=guide)
    assert receipt.status_code == 200, receipt.text
    receipt_page = server.client.get("/receipt/" + receipt.json()["url"].rsplit("/receipt/", 1)[1])
    assert receipt_page.status_code == 200
    assert_escaped(receipt_page.text, payload)

    issued = server.client.post(f"/api/v1/members/{server.world.member_li}/pass", headers=manager)
    assert issued.status_code == 200, issued.text
    member_page = server.client.get(issued.json()["pass_url"].removeprefix("http://testserver"))
    assert member_page.status_code == 200
    assert_escaped(member_page.text, payload)

    referral = server.client.post(
        f"/api/v1/users/{server.world.users['a.guide']}/referral-code", headers=guide
    )
    assert referral.status_code == 200, referral.text
    landing = server.client.get(f"/r/{referral.json()['code']}")
    assert landing.status_code == 200
    assert_escaped(landing.text, payload)


@pytest.mark.parametrize(
    "reference",
    ["<script>alert(1)</script>", 'x"><img src=x onerror=alert(1)>', "' OR 1=1 --", "%00"],
)
@pytest.mark.parametrize("prefix", ["/pay/", "/receipt/", "/m/", "/r/"])
def test_a_made_up_page_address_is_a_404_page_that_does_not_echo_markup(
    server: ServerUnderTest, prefix: str, reference: str
) -> None:
    response = server.client.get(prefix + reference)
    assert response.status_code == 404
    for live in ("<script", "<img", "onerror=alert(1)>"):
        assert live not in response.text


# ----------------------------------------------------------------------------- CSV


FORMULAS = [
    "=cmd|' /C calc'!A0",
    '=HYPERLINK("http://evil.example","x")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)*cmd|' /C calc'!A0",
]


@pytest.mark.parametrize("payload", FORMULAS, ids=ids(FORMULAS))
def test_a_formula_typed_as_a_name_is_text_in_every_csv(
    server: ServerUnderTest, payload: str
) -> None:
    _rename(server, payload)
    manager = server.login("a.manager")
    guides = read_csv(server, "guides", manager)
    low = read_csv(server, "low-stock", manager, threshold=10)
    names = {row[1] for row in guides[1:]} | {row[1] for row in low[1:]}
    assert "'" + payload in names
    assert payload not in names
    text_cells = [c for row in guides + low for c in row if not _is_number(c)]
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in text_cells)


def _is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


# ----------------------------------------------------------------------------- NUL bytes


NUL_REQUESTS: list[tuple[str, str, dict[str, Any]]] = [
    ("post", "/api/v1/auth/login", {"json": {"username": "a.gu\x00ide", "password": "x"}}),
    ("post", "/api/v1/auth/login", {"json": {"username": "a.guide", "password": "x\x00"}}),
    ("post", "/api/v1/auth/refresh", {"json": {"refresh_token": "abc.\x00def"}}),
    ("post", "/api/v1/members/resolve", {"json": {"code": "SGM1.\x00"}}),
    ("get", "/api/v1/catalog/styles", {"params": {"q": "tee\x00"}}),
    ("get", "/api/v1/catalog/barcodes/6901234567892%00", {}),
    ("get", "/api/v1/members/lookup", {"params": {"card": "8800\x00123456"}}),
    ("post", "/api/v1/sync/pull", {"json": {"scopes": {"catalog\x00": None}}}),
    ("post", "/api/v1/payments/notify/sandbox%00", {"json": {}}),
    ("get", "/api/v1/orders/%00", {}),
    ("get", "/pay/P1.1.%00", {}),
    ("get", "/receipt/%00", {}),
    ("get", "/m/1.0.%00", {}),
    ("get", "/r/AB%00CD", {}),
]


@pytest.mark.parametrize(("method", "path", "kwargs"), NUL_REQUESTS)
def test_a_nul_byte_anywhere_is_a_4xx_never_a_database_error(
    server: ServerUnderTest, method: str, path: str, kwargs: dict[str, Any]
) -> None:
    """PostgreSQL refuses NUL in text (psycopg raises DataError): a 4xx, not a 500."""
    headers = server.login("a.guide") if "auth" not in path else {}
    response = server.client.request(method, path, headers=headers, **kwargs)
    assert 400 <= response.status_code < 500, response.text
