"""The points ledger: paid orders earn once, spending needs the member present and never spends
anything twice, refunds undo both, and the balance is always the sum of the entries."""

from __future__ import annotations

import re
import threading
import uuid
from datetime import timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from sqlalchemy import bindparam, func, text
from sqlmodel import Session, col, select

from shopguide.core.ids import uuid7_str
from shopguide.server.db import make_engine
from shopguide.server.migrate import upgrade
from shopguide.server.models import (
    AuditLog,
    Coupon,
    CouponRedemption,
    Member,
    Order,
    PointsEntry,
)
from shopguide.server.models.types import UTCDateTime, utcnow
from shopguide.server.services import loyalty, member_codes
from shopguide.server.services.errors import Conflict
from tests.server.conftest import TEST_SECRET, ServerUnderTest
from tests.server.test_member_codes import issue_pass
from tests.server.test_sync_feed import Replica, sync
from tests.server.test_sync_push import mutation, order_payload, push
from tests.support.databases import BACKENDS, DatabaseFactory

TEE_M_PRICE = 9900


def sale(
    server: ServerUnderTest, member_id: int | None, *, yuan: int = 99, store: str = "a"
) -> tuple[dict[str, Any], dict[str, Any]]:
    """An order for `member_id` of `yuan` yuan of T-shirts, and its cash payment, as mutations."""
    variant = server.world.variants["TS-0001-NAV-M"]
    store_id = server.world.store_a if store == "a" else server.world.store_b
    payload = order_payload(
        server,
        lines=[(variant, 1, yuan * 100, 0)],
        member_id=member_id,
        store_id=store_id,
    )
    payment = {
        "order_id": payload["order_id"],
        "method": "cash",
        "amount": yuan * 100,
        "currency": "CNY",
        "confirmed_by_guide": True,
    }
    return mutation("order.place", payload), mutation("payment.record", payment)


def redeem(
    member_id: int,
    proof: dict[str, Any],
    *,
    points: int | None = None,
    coupon_id: int | None = None,
    order_id: str | None = None,
) -> dict[str, Any]:
    payload: dict[str, Any] = {"member_id": member_id, "proof": proof}
    if points is not None:
        payload["points"] = points
    if coupon_id is not None:
        payload["coupon_id"] = coupon_id
    if order_id is not None:
        payload["order_id"] = order_id
    return mutation("member.redeem", payload)


def scanned(member_id: int, *, seconds_ago: int = 0) -> dict[str, Any]:
    """A proof: the member code the member's phone showed `seconds_ago`, scanned then."""
    at = utcnow() - timedelta(seconds=seconds_ago)
    return {"member_code": member_codes.make_member_code(TEST_SECRET, member_id, now=at)}


def one_time_code_on(server: ServerUnderTest, page_path: str) -> str:
    page = server.client.get(page_path).text
    match = re.search(r'id="one-time-code" data-state="fresh">(\d{6})<', page)
    assert match, page
    return match[1]


def points_of(server: ServerUnderTest, member_id: int) -> tuple[int, int, str]:
    """(balance, sum of the ledger, tier)."""
    with Session(server.app.state.engine) as s:
        member = s.get(Member, member_id)
        assert member is not None
        total = s.exec(
            select(func.coalesce(func.sum(PointsEntry.points), 0)).where(
                PointsEntry.member_id == member_id
            )
        ).one()
        return member.points, int(total), member.tier


def coupon_id(server: ServerUnderTest, code: str = "WELCOME50") -> int:
    with Session(server.app.state.engine) as s:
        coupon = s.exec(select(Coupon).where(Coupon.code == code)).one()
        return coupon.id or 0


def new_coupon(server: ServerUnderTest, code: str, *, days_left: int = 30) -> int:
    with Session(server.app.state.engine) as s:
        coupon = Coupon(
            member_id=server.world.member_wang,
            code=code,
            title="20 off",
            kind="amount",
            value=2000,
            valid_from=utcnow() - timedelta(days=40),
            valid_to=utcnow() + timedelta(days=days_left),
        )
        s.add(coupon)
        s.commit()
        return coupon.id or 0


# ----------------------------------------------------------------------------- earning


def test_points_earned_offline_for_three_orders_arrive_exactly_once(
    server: ServerUnderTest,
) -> None:
    headers = server.login("a.guide")
    li = server.world.member_li  # classic: one point per yuan
    sales = [sale(server, li, yuan=yuan) for yuan in (99, 250, 1000)]
    queued = [m for pair in sales for m in pair]

    first = push(server, headers, *queued)
    again = push(server, headers, *queued)  # the tablet never heard the answer and retries

    assert [r["status"] for r in first] == ["applied"] * 6
    assert [r["result"]["points_earned"] for r in first[1::2]] == [99, 250, 1000]
    assert all(r["repeat"] for r in again)
    assert points_of(server, li) == (1349, 1349, "classic")
    with Session(server.app.state.engine) as s:
        earned = s.exec(select(PointsEntry).where(PointsEntry.member_id == li)).all()
    assert sorted((e.kind, e.points) for e in earned) == [
        ("earn", 99),
        ("earn", 250),
        ("earn", 1000),
    ]
    assert {e.key for e in earned} == {f"earn:{o['payload']['order_id']}" for o, _ in sales}


def test_the_tier_rate_applies_and_reaching_a_threshold_lifts_the_tier(
    server: ServerUnderTest,
) -> None:
    headers = server.login("a.guide")
    wang = server.world.member_wang  # gold: 1.5 points per yuan, 9,000 lifetime points
    results = push(server, headers, *sale(server, wang, yuan=999))
    assert results[1]["result"]["points_earned"] == 1498  # 999 x 1.5, rounded down
    li = server.world.member_li
    push(server, headers, *sale(server, li, yuan=2000))
    assert points_of(server, li) == (2000, 2000, "silver")
    with Session(server.app.state.engine) as s:
        lifted = s.exec(select(AuditLog).where(AuditLog.action == "member.tier")).one()
    assert lifted.detail["from"] == "classic"
    assert lifted.detail["to"] == "silver"


def test_earning_is_idempotent_inside_the_callers_open_transaction(
    server: ServerUnderTest,
) -> None:
    headers = server.login("a.guide")
    with_member, _ = sale(server, server.world.member_li, yuan=300)
    without, _ = sale(server, None)
    push(server, headers, with_member, without)
    with Session(server.app.state.engine) as s:
        first = loyalty.earn_for_order(s, with_member["payload"]["order_id"])
        again = loyalty.earn_for_order(s, with_member["payload"]["order_id"])
        assert first is not None
        assert again is first
        assert loyalty.earn_for_order(s, without["payload"]["order_id"]) is None
        s.commit()
    assert points_of(server, server.world.member_li) == (300, 300, "classic")


def test_an_unverified_offline_qr_payment_earns_nothing_yet(server: ServerUnderTest) -> None:
    headers = server.login("a.guide")
    order, cash = sale(server, server.world.member_li)
    cash["payload"]["method"] = "emv_offline"
    results = push(server, headers, order, cash)
    assert results[1]["result"]["status"] == "unverified"
    assert results[1]["result"]["points_earned"] == 0
    assert points_of(server, server.world.member_li) == (0, 0, "classic")


# ----------------------------------------------------------------------------- spending


def test_spending_points_with_the_one_time_code_from_the_members_phone(
    server: ServerUnderTest,
) -> None:
    headers = server.login("a.guide")
    wang = server.world.member_wang
    page = issue_pass(server, wang)
    code = one_time_code_on(server, page)
    order_id = uuid7_str()

    [spent] = push(
        server, headers, redeem(wang, {"one_time_code": code}, points=500, order_id=order_id)
    )
    [reused] = push(server, headers, redeem(wang, {"one_time_code": code}, points=100))

    assert spent["status"] == "applied", spent
    assert spent["result"] == {
        "member_id": wang,
        "points": 500,
        "coupon_id": None,
        "coupon_code": None,
        "balance": 700,
        "offline": False,
    }
    assert reused == {
        "id": reused["id"],
        "status": "rejected",
        "reason": "this one-time code was already used; ask the customer for the next one",
    }
    assert points_of(server, wang) == (700, 700, "gold")
    assert 'data-state="used"' in server.client.get(page).text


def test_wrong_one_time_codes_are_refused_and_counted_until_the_member_is_protected(
    server: ServerUnderTest,
) -> None:
    headers = server.login("a.guide")
    wang = server.world.member_wang
    code = one_time_code_on(server, issue_pass(server, wang))
    wrong = f"{(int(code) + 1) % 1_000_000:06d}"
    for _ in range(server.settings.member_proof_max_failures):
        [refused] = push(server, headers, redeem(wang, {"one_time_code": wrong}, points=10))
        assert refused["status"] == "rejected"
        assert refused["reason"].startswith("wrong or expired one-time code")
    [locked] = push(server, headers, redeem(wang, {"one_time_code": code}, points=10))
    assert "too many wrong one-time codes" in locked["reason"]
    with Session(server.app.state.engine) as s:
        refusals = s.exec(
            select(AuditLog).where(AuditLog.action == member_codes.PROOF_REFUSED)
        ).all()
    assert len(refusals) == server.settings.member_proof_max_failures
    assert {r.entity_id for r in refusals} == {str(wang)}
    [scan] = push(server, headers, redeem(wang, scanned(wang), points=10))
    assert scan["status"] == "applied", "a scan of the member code still works"
    assert points_of(server, wang)[0] == 1190


def test_a_member_code_proves_presence_once_and_only_while_fresh(server: ServerUnderTest) -> None:
    headers = server.login("a.guide")
    wang, li = server.world.member_wang, server.world.member_li
    proof = scanned(wang)
    results = push(
        server,
        headers,
        redeem(wang, proof, points=100),
        redeem(wang, proof, points=100),
        redeem(wang, scanned(wang, seconds_ago=61), points=100),
        redeem(li, scanned(wang), points=1),
        redeem(wang, {"member_code": "SGM1.1.2.AAAAAAAA.AAAAAAAAAAAAAAAAAAAAAAAA"}, points=1),
    )
    assert [r.get("reason") for r in results] == [
        None,
        "this member code was already used for a redemption; ask for a fresh one",
        "the member code expired before the redemption reached the server; "
        "spending needs the network: scan a fresh code",
        "this member code belongs to another member",
        "not a member code",
    ]
    assert points_of(server, wang) == (1100, 1100, "gold")


def test_points_are_never_spent_beyond_the_balance(server: ServerUnderTest) -> None:
    headers = server.login("a.guide")
    wang = server.world.member_wang
    [too_many] = push(server, headers, redeem(wang, scanned(wang), points=1201))
    [all_of_them] = push(server, headers, redeem(wang, scanned(wang), points=1200))
    [one_more] = push(server, headers, redeem(wang, scanned(wang), points=1))
    assert too_many["reason"] == "the member has only 1200 points; 1201 asked"
    assert all_of_them["result"]["balance"] == 0
    assert one_more["reason"] == "the member has only 0 points; 1 asked"
    assert points_of(server, wang) == (0, 0, "gold")


def test_a_refused_coupon_refuses_the_points_spent_with_it_and_keeps_the_proof(
    server: ServerUnderTest,
) -> None:
    headers = server.login("a.guide")
    wang = server.world.member_wang
    expired = new_coupon(server, "OLD20", days_left=-1)
    proof = scanned(wang)
    [refused] = push(server, headers, redeem(wang, proof, points=300, coupon_id=expired))
    assert refused["status"] == "rejected"
    assert re.fullmatch(r"coupon OLD20 expired on \d{4}-\d{2}-\d{2}", refused["reason"])
    assert points_of(server, wang)[0] == 1200
    [both] = push(server, headers, redeem(wang, proof, points=300, coupon_id=coupon_id(server)))
    assert both["result"]["coupon_code"] == "WELCOME50"
    assert both["result"]["balance"] == 900


def test_a_coupon_redeemed_on_two_tablets_at_once_is_accepted_once_and_refused_once(
    server: ServerUnderTest,
) -> None:
    tablets = {name: server.login(name) for name in ("a.guide", "a.manager")}
    for round_no, online in enumerate([(False, False), (True, True), (True, False)] * 2):
        coupon = new_coupon(server, f"RACE{round_no}")
        order_ids = {name: uuid7_str() for name in tablets}
        answers = race(server, tablets, coupon, order_ids, online)

        won = [name for name, (ok, _) in answers.items() if ok]
        assert len(won) == 1, answers
        [(_, reason)] = [answer for name, answer in answers.items() if name not in won]
        assert reason == (
            f"coupon RACE{round_no} already redeemed on order {order_ids[won[0]]} "
            f"at Nanfeng COCO Park ({_redeemed_at(server, coupon)} UTC)"
        )
        with Session(server.app.state.engine) as s:
            redemptions = s.exec(
                select(CouponRedemption).where(CouponRedemption.coupon_id == coupon)
            ).all()
            assert [r.order_id for r in redemptions] == [order_ids[won[0]]]
            assert s.get(Coupon, coupon).state == "redeemed"  # type: ignore[union-attr]


def race(
    server: ServerUnderTest,
    tablets: dict[str, dict[str, str]],
    coupon: int,
    order_ids: dict[str, str],
    online: tuple[bool, bool],
) -> dict[str, tuple[bool, str | None]]:
    """Each tablet redeems `coupon` at the same moment, online (the endpoint) or by a push;
    returns (granted, reason) per tablet."""
    wang = server.world.member_wang
    start = threading.Barrier(len(tablets))
    answers: dict[str, tuple[bool, str | None]] = {}
    errors: list[BaseException] = []

    def spend(name: str, via_endpoint: bool) -> None:
        try:
            proof = scanned(wang)
            start.wait()
            if via_endpoint:
                response = server.client.post(
                    f"/api/v1/members/{wang}/redeem",
                    json={
                        "idempotency_key": uuid7_str(),
                        "coupon_id": coupon,
                        "order_id": order_ids[name],
                        "proof": proof,
                    },
                    headers=tablets[name],
                )
                assert response.status_code in (200, 409), response.text
                answers[name] = (response.status_code == 200, response.json().get("detail"))
            else:
                [result] = push(
                    server,
                    tablets[name],
                    redeem(wang, proof, coupon_id=coupon, order_id=order_ids[name]),
                )
                answers[name] = (result["status"] == "applied", result.get("reason"))
        except BaseException as exc:  # reported below, in the test's thread
            errors.append(exc)

    threads = [
        threading.Thread(target=spend, args=(name, via_endpoint))
        for name, via_endpoint in zip(tablets, online, strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    return answers


def _redeemed_at(server: ServerUnderTest, coupon: int) -> str:
    with Session(server.app.state.engine) as s:
        redemption = s.exec(
            select(CouponRedemption).where(CouponRedemption.coupon_id == coupon)
        ).one()
        return f"{redemption.created_at:%Y-%m-%d %H:%M}"


def test_the_online_redeem_is_idempotent_by_its_key_and_shares_it_with_the_outbox(
    server: ServerUnderTest,
) -> None:
    headers = server.login("a.guide")
    wang = server.world.member_wang
    key = uuid7_str()
    body = {"idempotency_key": key, "points": 200, "proof": scanned(wang)}
    path = f"/api/v1/members/{wang}/redeem"

    first = server.client.post(path, json=body, headers=headers)
    again = server.client.post(path, json=body, headers=headers)
    [queued] = push(server, headers, {**redeem(wang, body["proof"], points=200), "id": key})

    assert first.status_code == 200, first.text
    assert first.json() == {
        "member_id": wang,
        "points": 200,
        "coupon_id": None,
        "coupon_code": None,
        "balance": 1000,
        "offline": False,
        "repeat": False,
    }
    assert again.json() == {**first.json(), "repeat": True}
    assert queued["repeat"] is True
    assert points_of(server, wang) == (1000, 1000, "gold")
    stolen_key = server.client.post(path, json=body, headers=server.login("a.manager"))
    assert stolen_key.status_code == 409
    assert "another account" in stolen_key.json()["detail"]
    nothing = server.client.post(
        path, json={"idempotency_key": uuid7_str(), "proof": scanned(wang)}, headers=headers
    )
    assert nothing.status_code == 422
    assert "points, a coupon_id, or both" in nothing.json()["detail"]


def test_offline_spending_is_limited_to_the_cap_and_never_takes_coupons(
    server: ServerUnderTest,
) -> None:
    headers = server.login("a.guide")
    wang = server.world.member_wang

    def offline_scan(minutes_ago: int) -> dict[str, Any]:
        proof = scanned(wang, seconds_ago=minutes_ago * 60)
        proof["taken_at"] = (utcnow() - timedelta(minutes=minutes_ago)).isoformat()
        return proof

    [no_cap] = push(server, headers, redeem(wang, offline_scan(30), points=100))
    assert no_cap["reason"] == "points cannot be spent offline; redeem them with the network"

    server.app.state.settings = server.settings.model_copy(update={"offline_points_cap": 300})
    policy = server.client.get("/api/v1/members/policy", headers=headers).json()
    assert policy["offline_points_cap"] == 300
    results = push(
        server,
        headers,
        redeem(wang, offline_scan(30), points=300),
        redeem(wang, offline_scan(30), points=301),
        redeem(wang, offline_scan(30), coupon_id=coupon_id(server)),
        redeem(wang, offline_scan(60 * 24 * 8), points=10),
    )
    assert results[0]["result"]["offline"] is True
    assert results[0]["result"]["balance"] == 900
    assert [r.get("reason") for r in results[1:]] == [
        "offline, at most 300 points can be spent; this asked 301",
        "coupons can only be redeemed with the network: it may have been used elsewhere",
        "an offline redemption is accepted for 7 days after its scan, "
        "and its scan time cannot be in the future",
    ]
    late_scan = scanned(wang, seconds_ago=600)
    late_scan["taken_at"] = utcnow().isoformat()  # claims a scan after the code had expired
    [late] = push(server, headers, redeem(wang, late_scan, points=10))
    assert late["reason"] == "the member code had already expired when it was scanned"


def test_the_policy_tells_tablets_the_rules_they_apply_offline(server: ServerUnderTest) -> None:
    policy = server.client.get("/api/v1/members/policy", headers=server.login("a.guide")).json()
    assert policy == {
        "offline_points_cap": 0,
        "points_per_currency_unit_spent": 100,
        "member_code_prefix": "SGM1.",
        "member_code_seconds": 60,
        "tiers": [
            {"name": "classic", "from_points": 0, "earn_rate_bp": 10000},
            {"name": "silver", "from_points": 2000, "earn_rate_bp": 12000},
            {"name": "gold", "from_points": 8000, "earn_rate_bp": 15000},
            {"name": "platinum", "from_points": 20000, "earn_rate_bp": 20000},
        ],
    }


# ----------------------------------------------------------------------------- undoing


def test_a_refund_takes_back_what_the_order_earned_and_returns_what_it_spent(
    server: ServerUnderTest,
) -> None:
    headers = server.login("a.guide")
    wang = server.world.member_wang
    order, cash = sale(server, wang, yuan=400)  # earns 600 at the gold rate
    order_id = order["payload"]["order_id"]
    push(
        server,
        headers,
        redeem(wang, scanned(wang), points=500, coupon_id=coupon_id(server), order_id=order_id),
        order,
        cash,
    )
    assert points_of(server, wang) == (1300, 1300, "gold")

    for _ in range(2):  # a repeated refund changes nothing more
        with Session(server.app.state.engine) as s:
            loyalty.reverse_for_refund(s, order_id)
            s.commit()

    assert points_of(server, wang) == (1200, 1200, "gold")
    with Session(server.app.state.engine) as s:
        coupon = s.get(Coupon, coupon_id(server))
        assert coupon is not None
        assert (coupon.state, coupon.redeemed_at) == ("issued", None)
        member = s.get(Member, wang)
        assert member is not None
        assert member.lifetime_points == 9000
    [reused] = push(server, headers, redeem(wang, scanned(wang), coupon_id=coupon_id(server)))
    assert reused["status"] == "applied", "a returned coupon can be used again"


def test_a_refund_never_takes_the_balance_below_zero(server: ServerUnderTest) -> None:
    headers = server.login("a.guide")
    li = server.world.member_li
    order, cash = sale(server, li, yuan=500)
    push(server, headers, order, cash, redeem(li, scanned(li), points=400))
    with Session(server.app.state.engine, expire_on_commit=False) as s:
        [reversal] = loyalty.reverse_for_refund(s, order["payload"]["order_id"]).entries
        s.commit()
    assert reversal.points == -100
    assert reversal.note == "refund of order; 400 of 500 earned were already spent"
    assert points_of(server, li) == (0, 0, "classic")


def test_a_dropped_cart_gives_its_points_and_coupon_back_but_a_paid_order_does_not(
    server: ServerUnderTest,
) -> None:
    headers = server.login("a.guide")
    wang = server.world.member_wang
    dropped, paid = uuid7_str(), uuid7_str()
    push(
        server,
        headers,
        redeem(wang, scanned(wang), points=200, coupon_id=coupon_id(server), order_id=dropped),
    )
    path = f"/api/v1/members/{wang}/release"
    other_store = server.client.post(
        path, json={"order_id": dropped}, headers=server.login("b.guide")
    )
    assert other_store.status_code == 409
    released = server.client.post(path, json={"order_id": dropped}, headers=headers)
    assert released.status_code == 200, released.text
    assert released.json() == {
        "member_id": wang,
        "order_id": dropped,
        "points_returned": 200,
        "coupons_returned": [coupon_id(server)],
        "balance": 1200,
    }
    again = server.client.post(path, json={"order_id": dropped}, headers=headers).json()
    assert (again["points_returned"], again["coupons_returned"]) == (0, [])

    order, cash = sale(server, wang)
    order["payload"]["order_id"] = cash["payload"]["order_id"] = paid
    push(server, headers, redeem(wang, scanned(wang), points=100, order_id=paid), order, cash)
    refused = server.client.post(path, json={"order_id": paid}, headers=headers)
    assert refused.status_code == 409
    assert "refund it" in refused.json()["detail"]


# ----------------------------------------------------------------------------- what tablets see


def test_the_member_panel_shows_tier_progress_purchases_in_any_store_and_the_ledger(
    server: ServerUnderTest,
) -> None:
    wang = server.world.member_wang
    push(server, server.login("a.guide"), *sale(server, wang, yuan=99))
    push(server, server.login("b.guide"), *sale(server, wang, yuan=120, store="b"))
    unpaid, _ = sale(server, wang, yuan=500)
    push(server, server.login("a.guide"), unpaid)
    new_coupon(server, "SOON5", days_left=3)

    member = server.client.get(f"/api/v1/members/{wang}", headers=server.login("b.guide")).json()

    assert member["points"] == 1200 + 148 + 180
    assert member["tier_progress"] == {
        "tier": "gold",
        "lifetime_points": 9000 + 148 + 180,
        "next_tier": "platinum",
        "next_tier_from": 20000,
        "points_to_next": 20000 - 9328,
    }
    purchases = member["recent_purchases"]
    assert [(p["store_name"], p["net"]) for p in purchases] == [
        ("Nanfeng MixC", 12000),
        ("Nanfeng COCO Park", 9900),
    ], "newest first, paid orders only"
    assert purchases[0]["style_name"] == "Harbour Cotton Tee"
    assert (purchases[0]["colour"], purchases[0]["size"]) == ("Navy", "M")
    assert [(e["kind"], e["points"]) for e in member["ledger"]] == [
        ("earn", 180),
        ("earn", 148),
        ("adjust", 1200),
    ]
    flags = {c["code"]: (c["usable"], c["expiring_soon"]) for c in member["coupons"]}
    assert flags == {"SOON5": (True, True), "WELCOME50": (True, False)}
    assert member["sizes"] == {"running shoes": "42"}


def test_the_stores_member_snapshot_follows_points_and_coupons_without_phone_numbers(
    server: ServerUnderTest,
) -> None:
    headers = server.login("a.guide")
    wang = server.world.member_wang
    replica = sync(server, headers, Replica(f"members:{server.world.store_a}"))
    push(server, headers, redeem(wang, scanned(wang), points=200, coupon_id=coupon_id(server)))
    sync(server, headers, replica)
    columns = replica.pages[0]["upserts"]["member"]["columns"]
    row = dict(zip(columns, replica.state["member"][str(wang)], strict=True))
    assert row["points"] == 1000
    assert "13812345678" not in str(replica.state)
    assert len(row["phone_hash"]) == 64
    coupon_columns = replica.pages[0]["upserts"]["coupon"]["columns"]
    coupon = dict(zip(coupon_columns, replica.state["coupon"][str(coupon_id(server))], strict=True))
    assert coupon["state"] == "redeemed"


# ----------------------------------------------------------------------------- invariants


@hypothesis_settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    st.lists(
        st.tuples(st.sampled_from(["earn", "spend", "refund"]), st.integers(1, 3000)),
        max_size=12,
    )
)
def test_the_balance_is_the_sum_of_the_ledger_and_never_negative(
    server: ServerUnderTest, steps: list[tuple[str, int]]
) -> None:
    engine = server.app.state.engine
    with Session(engine) as s:
        member = Member(
            name="测试",
            phone=str(uuid.uuid4().int)[:11],
            card_number=str(uuid.uuid4().int)[:16],
            home_store_id=server.world.store_a,
        )
        s.add(member)
        s.commit()
        member_id = member.id or 0
    orders: list[str] = []
    for action, amount in steps:
        with Session(engine) as s:
            locked = loyalty.locked_member(s, member_id)
            try:
                if action == "earn":
                    order_id = uuid7_str()
                    s.add(
                        Order(
                            id=order_id,
                            store_id=server.world.store_a,
                            guide_id=server.world.users["a.guide"],
                            member_id=member_id,
                            currency="CNY",
                            subtotal=amount * 100,
                            discount=0,
                            total=amount * 100,
                        )
                    )
                    s.flush()
                    loyalty.earn_for_order(s, order_id)
                    orders.append(order_id)
                elif action == "spend":
                    loyalty.redeem_points(
                        s,
                        locked,
                        amount,
                        key=f"redeem:{uuid7_str()}",
                        order_id=orders[-1] if orders else None,
                        store_id=server.world.store_a,
                        user_id=server.world.users["a.guide"],
                        offline=False,
                        offline_cap=0,
                    )
                elif orders:
                    loyalty.reverse_for_refund(s, orders[amount % len(orders)])
                s.commit()
            except Conflict:
                s.rollback()
        balance, total, _ = points_of(server, member_id)
        assert balance == total
        assert balance >= 0
    with Session(engine) as s:
        entries = s.exec(
            select(PointsEntry)
            .where(PointsEntry.member_id == member_id)
            .order_by(col(PointsEntry.id))
        ).all()
    running = 0
    for entry in entries:
        running += entry.points
        assert entry.balance_after == running >= 0


@pytest.mark.parametrize("backend", BACKENDS)
def test_members_from_before_the_ledger_keep_their_balance_as_its_opening_entry(
    backend: str, databases: DatabaseFactory
) -> None:
    engine = make_engine(databases.new_url(backend))
    upgrade(engine, "0005")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO brand (id, code, name, currency, country, phone_salt) "
                "VALUES (1, 'NF', 'Nanfeng', 'CNY', 'CN', 'salt')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO store (id, brand_id, code, name, city, district, address, latitude, "
                "longitude, opening_hours, phone, timezone) VALUES "
                "(1, 1, 'SZ01', 'A', 'Shenzhen', 'Futian', 'x', 22.5, 114.0, '', '', "
                "'Asia/Shanghai')"
            )
        )
        for member_id, tier, points in ((1, "gold", 4000), (2, "classic", 0), (3, "silver", 6000)):
            conn.execute(
                text(
                    "INSERT INTO member (id, name, card_number, phone, tier, points, "
                    "home_store_id, sizes, note, consent_at, created_at) VALUES "
                    "(:id, 'M', :card, :phone, :tier, :points, 1, '{}', '', :now, :now)"
                ).bindparams(bindparam("now", type_=UTCDateTime)),
                {
                    "id": member_id,
                    "card": f"88000000000000{member_id}",
                    "phone": f"1380000000{member_id}",
                    "tier": tier,
                    "points": points,
                    "now": utcnow(),
                },
            )
    upgrade(engine)
    with Session(engine) as s:
        members = s.exec(select(Member).order_by(col(Member.id))).all()
        entries = s.exec(select(PointsEntry).order_by(col(PointsEntry.member_id))).all()
    engine.dispose()
    assert [(m.points, m.lifetime_points, m.pass_version) for m in members] == [
        (4000, 8000, 0),  # gold starts at 8,000 lifetime points
        (0, 0, 0),
        (6000, 6000, 0),
    ]
    assert [(e.member_id, e.kind, e.points, e.balance_after, e.key) for e in entries] == [
        (1, "adjust", 4000, 4000, "opening:1"),
        (3, "adjust", 6000, 6000, "opening:3"),
    ]
