"""The manager's view: restock suggestions checked against a hand-computed example from a seeded
history, low stock after holds, lost demand counted once, each guide's sales and commission, the
CSV downloads, and who may see any of it."""

from __future__ import annotations

import csv
import io
from datetime import timedelta
from typing import Any

import pytest
from sqlmodel import Session

from shopguide.core.ids import uuid7_str
from shopguide.server.models import Order, OrderLine, Payment, User
from shopguide.server.models.types import utcnow
from tests.server.conftest import ServerUnderTest
from tests.server.test_reservations import reserve
from tests.server.test_revenue_split import cash_sale, set_rule
from tests.server.test_sync_push import mutation, push
from tests.server.test_transfers import request_transfer, step

PRICE = 59900


def sold(
    server: ServerUnderTest,
    lines: list[tuple[str, int]],
    *,
    days_ago: float,
    store: str = "a",
    payment: str | None = "recorded_offline",
) -> str:
    """An order of (sku, quantity) lines `days_ago`, with a payment of `payment` status."""
    w = server.world
    store_id = w.store_a if store == "a" else w.store_b
    guide = w.users["a.guide" if store == "a" else "b.guide"]
    at = utcnow() - timedelta(days=days_ago)
    order_id = uuid7_str()
    total = sum(q * PRICE for _, q in lines)
    with Session(server.app.state.engine) as s:
        s.add(
            Order(
                id=order_id,
                store_id=store_id,
                guide_id=guide,
                currency="CNY",
                subtotal=total,
                discount=0,
                total=total,
                created_at=at,
            )
        )
        s.flush()
        for number, (sku, quantity) in enumerate(lines, 1):
            s.add(
                OrderLine(
                    order_id=order_id,
                    line_no=number,
                    variant_id=w.variants[sku],
                    quantity=quantity,
                    unit_price=PRICE,
                    discount=0,
                    net=quantity * PRICE,
                    guide_id=guide,
                )
            )
        if payment is not None:
            s.add(
                Payment(
                    order_id=order_id,
                    provider="cash",
                    amount=total,
                    currency="CNY",
                    status=payment,
                    reference=f"test:{order_id}",
                    expires_at=at,
                    created_at=at,
                )
            )
        s.commit()
    return order_id


def seed_history(server: ServerUnderTest) -> None:
    """Four weeks of the Trail Runner at store A, and what must not count.

    In the period: 14 in size 42 (10 black, 4 white), 5 in 41, 7 in 43, 1 in 44. Not counted:
    3 black 42 sold 40 days ago, 2 refunded, 1 never paid, 5 sold at store B. Lost demand in 42
    at A: one tap (pushed three times) and one transfer asked for, of 2 white 42 from C, which
    C shipped. One black 41 is held at A for a customer of B.
    """
    w = server.world
    for day in range(1, 11):
        sold(server, [("RS-0001-BLA-42", 1)], days_ago=day * 2.5)
    sold(server, [("RS-0001-WHI-42", 2), ("RS-0001-BLA-41", 3)], days_ago=3)
    sold(server, [("RS-0001-WHI-42", 2), ("RS-0001-WHI-41", 2)], days_ago=20)
    sold(server, [("RS-0001-BLA-43", 7), ("RS-0001-WHI-44", 1)], days_ago=12)
    sold(server, [("RS-0001-BLA-42", 3)], days_ago=40)
    sold(server, [("RS-0001-BLA-42", 2)], days_ago=5, payment="refunded")
    sold(server, [("RS-0001-BLA-42", 1)], days_ago=3, payment=None)
    sold(server, [("RS-0001-BLA-42", 5)], days_ago=3, store="b")

    a_guide, b_guide, admin = (server.login(n) for n in ("a.guide", "b.guide", "admin"))
    tap = mutation(
        "demand.lost",
        {
            "demand_id": uuid7_str(),
            "store_id": w.store_a,
            "style_id": w.runner,
            "size": "42",
            "at": utcnow().isoformat(),
        },
    )
    push(server, a_guide, tap, tap)
    [again] = push(server, a_guide, {**tap, "id": uuid7_str()})
    assert again["result"]["recorded"] is False
    transfer = request_transfer(
        server, w.variants["RS-0001-WHI-42"], sender="c", receiver="a", quantity=2
    )
    transfer_id = transfer["payload"]["transfer_id"]
    push(server, a_guide, transfer)
    push(server, admin, step("answer", transfer_id, answer="accept"), step("ship", transfer_id))
    [held] = push(
        server, b_guide, reserve(server, w.variants["RS-0001-BLA-41"], at="a", from_store="b")
    )
    assert held["status"] == "applied", held


def get(server: ServerUnderTest, path: str, headers: dict[str, str], **params: Any) -> Any:
    response = server.client.get(f"/api/v1/manager/{path}", params=params, headers=headers)
    assert response.status_code == 200, response.text
    return response.json()


def read_csv(
    server: ServerUnderTest, path: str, headers: dict[str, str], **params: Any
) -> list[list[str]]:
    response = server.client.get(
        f"/api/v1/manager/{path}", params={**params, "format": "csv"}, headers=headers
    )
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert response.headers["content-disposition"].startswith("attachment; filename=")
    assert response.content.startswith(b"\xef\xbb\xbf")  # the BOM Excel looks for
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


# ----------------------------------------------------------------------------- restock


def test_the_restock_suggestion_for_a_seeded_history_matches_the_hand_computed_one(
    server: ServerUnderTest,
) -> None:
    seed_history(server)
    manager = server.login("a.manager")

    report = get(server, "restock", manager, period_days=28, cover_weeks=3)

    [style] = report["styles"]
    assert (style["style_code"], style["suggest"]) == ("RS-0001", 10)
    by_size = {s["size"]: s for s in style["sizes"]}
    assert list(by_size) == ["40", "41", "42", "43", "44"]
    # 42: (14 sold + 2 lost) over 4 weeks, for 3 weeks: 12; have 0, 2 on the way: 10.
    # 41: 5 sold -> ceil(3.75) = 4; have 5 (6 less the one held). 43: 7 -> 6, have 6.
    assert {
        size: (s["sold"], s["lost"], s["have"], s["on_the_way"]) for size, s in by_size.items()
    } == {
        "40": (0, 0, 6, 0),
        "41": (5, 0, 5, 0),
        "42": (14, 2, 0, 2),
        "43": (7, 0, 6, 0),
        "44": (1, 0, 6, 0),
    }
    assert {size: (s["target"], s["suggest"]) for size, s in by_size.items()} == {
        "40": (0, 0),
        "41": (4, 0),
        "42": (12, 10),
        "43": (6, 0),
        "44": (1, 0),
    }
    assert by_size["42"]["text"] == (
        "sold 14 in 42 in 4 weeks, 2 more wanted but none here, have 0, 2 on the way, suggest 10"
    )
    assert by_size["40"]["text"] == "no sales in 40 in 4 weeks, have 6, enough for 3 weeks"
    assert by_size["42"]["reasons"][0] == {
        "kind": "sold",
        "params": {"units": 14, "size": "42", "days": 28},
        "text": "sold 14 in 42 in 4 weeks",
    }

    rows = read_csv(server, "restock", manager, period_days=28, cover_weeks=3)
    assert rows[0] == [
        "style_code",
        "style_name",
        "size",
        "sold",
        "lost",
        "have",
        "on_the_way",
        "target",
        "suggest",
        "explanation",
    ]
    assert [r[2] for r in rows[1:]] == ["40", "41", "42", "43", "44"]
    assert rows[3][:9] == ["RS-0001", "Breeze Trail Runner", "42", "14", "2", "0", "2", "12", "10"]


# ----------------------------------------------------------------------------- low stock


def test_low_stock_is_what_is_left_to_sell_after_holds_best_sellers_first(
    server: ServerUnderTest,
) -> None:
    seed_history(server)
    manager = server.login("a.manager")
    low = get(server, "low-stock", manager, threshold=1)
    assert [(r["colour"], r["size"], r["available"], r["sold"]) for r in low["items"]] == [
        ("Black", "42", 0, 10),
        ("White", "42", 0, 4),
    ]
    lower = get(server, "low-stock", manager, threshold=2)
    black_41 = next(r for r in lower["items"] if (r["colour"], r["size"]) == ("Black", "41"))
    assert (black_41["on_hand"], black_41["held"], black_41["available"]) == (3, 1, 2)

    rows = read_csv(server, "low-stock", manager, threshold=1)
    assert rows[0][:8] == [
        "style_code",
        "style_name",
        "colour",
        "size",
        "on_hand",
        "held",
        "available",
        "sold_28d",
    ]
    assert [r[2:4] for r in rows[1:]] == [["Black", "42"], ["White", "42"]]


# ----------------------------------------------------------------------------- lost demand


def test_lost_demand_counts_each_ask_once_whatever_it_came_from(server: ServerUnderTest) -> None:
    seed_history(server)
    report = get(server, "lost-demand", server.login("a.manager"))
    assert report["total"] == 2
    [row] = report["items"]
    assert (row["style_code"], row["size"], row["count"]) == ("RS-0001", "42", 2)
    assert (row["manual"], row["reservation"], row["transfer"]) == (1, 0, 1)
    b_report = get(server, "lost-demand", server.login("admin"), store_id=server.world.store_b)
    assert [(r["size"], r["reservation"]) for r in b_report["items"]] == [("41", 1)]
    rows = read_csv(server, "lost-demand", server.login("a.manager"))
    assert rows[0] == [
        "style_code",
        "style_name",
        "size",
        "count",
        "manual",
        "reservation",
        "transfer",
        "last_at",
    ]
    assert rows[1][:7] == ["RS-0001", "Breeze Trail Runner", "42", "2", "1", "0", "1"]


# ----------------------------------------------------------------------------- guides


def test_each_guides_sales_and_commission_from_the_split_ledger(server: ServerUnderTest) -> None:
    w = server.world
    set_rule(server)
    with Session(server.app.state.engine) as s:
        guide = s.get(User, w.users["a.guide"])
        assert guide is not None
        guide.full_name = "王芳"
        s.add(guide)
        s.commit()
    cash_sale(server, server.login("a.guide"), 10001)
    cash_sale(server, server.login("a.guide"), 20000)
    cash_sale(server, server.login("a.manager"), 999)

    report = get(server, "guides", server.login("a.manager"))
    figures = {g["name"]: g for g in report["guides"]}
    assert report["currency"] == "CNY"
    assert (figures["王芳"]["orders"], figures["王芳"]["sales"]) == (2, 30001)
    # 5 % of what the third party's fixed 1.00 leaves: 5 % of 9901 (495.05 -> 495) and of 19900.
    assert figures["王芳"]["commission"] == 495 + 995
    assert (figures["a.manager"]["sales"], figures["a.manager"]["commission"]) == (999, 45)
    assert [g["name"] for g in report["guides"]] == ["王芳", "a.manager"]

    rows = read_csv(server, "guides", server.login("a.manager"))
    assert rows[0] == [
        "guide_id",
        "name",
        "role",
        "orders",
        "units",
        "sales",
        "commission",
        "currency",
    ]
    assert rows[1][1:] == ["王芳", "guide", "2", "2", "300.01", "14.90", "CNY"]


def test_a_formula_typed_as_a_name_stays_text_in_the_csv(server: ServerUnderTest) -> None:
    with Session(server.app.state.engine) as s:
        guide = s.get(User, server.world.users["a.guide"])
        assert guide is not None
        guide.full_name = "=HYPERLINK(1)"
        s.add(guide)
        s.commit()
    rows = read_csv(server, "guides", server.login("a.manager"))
    assert "'=HYPERLINK(1)" in [r[1] for r in rows[1:]]


# ----------------------------------------------------------------------------- who may look


@pytest.mark.parametrize("report", ["low-stock", "restock", "lost-demand", "guides"])
def test_guides_cannot_see_the_managers_view_and_managers_only_their_own_store(
    server: ServerUnderTest, report: str
) -> None:
    w = server.world
    path = f"/api/v1/manager/{report}"
    guide = server.client.get(path, headers=server.login("a.guide"))
    assert guide.status_code == 403
    assert guide.json()["detail"] == "this needs the role manager"
    other = server.client.get(
        path, params={"store_id": w.store_b}, headers=server.login("a.manager")
    )
    assert other.status_code == 403
    admin = server.login("admin")
    assert server.client.get(path, headers=admin).status_code == 422
    assert server.client.get(path, params={"store_id": w.store_b}, headers=admin).status_code == 200
    assert server.client.get(path).status_code == 401
