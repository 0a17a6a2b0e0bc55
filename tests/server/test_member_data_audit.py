"""Every route that hands out a member's personal data leaves an audit entry: who, which member,
when.

`AUDITED` lists those routes with a request that returns store A's member
Wang and the audit action it must write. The second test reads the OpenAPI
description: any route whose answer can hold member data (a member's card
number, masked phone, birthday, points balance, or a member id) must be in
`AUDITED` or in `NOT_AUDITED` with the reason, so a new route that returns
members cannot ship unaudited.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest
from sqlmodel import Session, col, select

from shopguide.core.ids import uuid7_str
from shopguide.server.models import AuditLog
from shopguide.server.models.types import utcnow
from shopguide.server.services import member_codes
from tests.server.conftest import TEST_SECRET, ServerUnderTest
from tests.server.test_payments import place_order

PERSONAL_FIELDS = frozenset(
    {"card_number", "phone_masked", "birthday", "balance", "member_id", "customer_name"}
)


@dataclass(frozen=True)
class Audited:
    action: str
    request: Callable[[ServerUnderTest, dict[str, str]], Any]
    caller: str = "b.guide"  # another store's guide: the reads are brand-wide
    new_member: bool = False  # the entry names a member the request made


def _code(server: ServerUnderTest) -> str:
    return member_codes.make_member_code(TEST_SECRET, server.world.member_wang)


def _redeem(server: ServerUnderTest, headers: dict[str, str], order_id: str | None = None) -> Any:
    body: dict[str, Any] = {
        "idempotency_key": uuid7_str(),
        "points": 10,
        "proof": {"member_code": _code(server)},
    }
    if order_id:
        body["order_id"] = order_id
    return server.client.post(
        f"/api/v1/members/{server.world.member_wang}/redeem", json=body, headers=headers
    )


def _release(server: ServerUnderTest, headers: dict[str, str]) -> Any:
    order_id = place_order(server, headers)
    assert _redeem(server, headers, order_id).status_code == 200
    return server.client.post(
        f"/api/v1/members/{server.world.member_wang}/release",
        json={"order_id": order_id},
        headers=headers,
    )


AUDITED: dict[tuple[str, str], Audited] = {
    ("GET", "/api/v1/members/lookup"): Audited(
        "member.lookup",
        lambda s, h: s.client.get(
            "/api/v1/members/lookup", params={"phone": "13812345678"}, headers=h
        ),
    ),
    ("POST", "/api/v1/members/resolve"): Audited(
        "member.resolve",
        lambda s, h: s.client.post("/api/v1/members/resolve", json={"code": _code(s)}, headers=h),
    ),
    ("GET", "/api/v1/members/{member_id}"): Audited(
        "member.view",
        lambda s, h: s.client.get(f"/api/v1/members/{s.world.member_wang}", headers=h),
    ),
    ("POST", "/api/v1/members"): Audited(
        "member.enrol",
        lambda s, h: s.client.post(
            "/api/v1/members",
            json={"name": "Zhou Min", "phone": "13700001111", "consent": True},
            headers=h,
        ),
        new_member=True,
    ),
    ("POST", "/api/v1/members/{member_id}/pass"): Audited(
        "member.pass",
        lambda s, h: s.client.post(f"/api/v1/members/{s.world.member_wang}/pass", headers=h),
        caller="a.guide",
    ),
    ("POST", "/api/v1/members/{member_id}/redeem"): Audited("member.redeem", _redeem),
    ("POST", "/api/v1/members/{member_id}/release"): Audited(
        "member.release", _release, caller="a.guide"
    ),
    ("POST", "/api/v1/sync/pull"): Audited(
        "member.sync",
        lambda s, h: s.client.post(
            "/api/v1/sync/pull", json={"scopes": {f"members:{s.world.store_a}": None}}, headers=h
        ),
        caller="a.guide",
    ),
}

NOT_AUDITED: dict[tuple[str, str], str] = {
    ("GET", "/api/v1/stores/{store_id}/inbox"): (
        "the store's own holds and transfers name their customer (a name, the phone's last four "
        "digits, a member id) for its staff to act on; no member record is read"
    ),
}


def _entries(server: ServerUnderTest, action: str) -> list[AuditLog]:
    with Session(server.app.state.engine) as s:
        return list(
            s.exec(select(AuditLog).where(AuditLog.action == action).order_by(col(AuditLog.id)))
        )


@pytest.mark.parametrize("route", sorted(AUDITED), ids=[f"{m} {p}" for m, p in sorted(AUDITED)])
def test_a_route_that_returns_member_data_writes_who_which_member_and_when(
    server: ServerUnderTest, route: tuple[str, str]
) -> None:
    case = AUDITED[route]
    headers = server.login(case.caller)
    before = len(_entries(server, case.action))
    started = utcnow()

    response = case.request(server, headers)

    assert 200 <= response.status_code < 300, response.text
    entries = _entries(server, case.action)[before:]
    assert entries, f"{route} wrote no {case.action} entry"
    entry = entries[-1]
    assert entry.user_id == server.world.users[case.caller], "who"
    assert started - timedelta(seconds=1) <= entry.at <= utcnow() + timedelta(seconds=1), "when"
    wang = server.world.member_wang
    if case.new_member:
        assert entry.entity_id == str(response.json()["id"]), "which member"
    elif case.action == "member.sync":
        assert entry.entity_id == f"members:{server.world.store_a}"
        assert wang in entry.detail["ids"], "which members"
        assert entry.detail["count"] == len(entry.detail["ids"])
    else:
        assert str(wang) in entry.entity_id.split(","), "which member"


def test_a_pull_that_carries_no_members_writes_nothing(server: ServerUnderTest) -> None:
    headers = server.login("a.guide")
    scope = f"members:{server.world.store_a}"
    first = server.client.post("/api/v1/sync/pull", json={"scopes": {scope: None}}, headers=headers)
    cursor = first.json()["scopes"][scope]["cursor"]
    while first.json()["scopes"][scope].get("has_more"):
        first = server.client.post(
            "/api/v1/sync/pull", json={"scopes": {scope: cursor}}, headers=headers
        )
        cursor = first.json()["scopes"][scope]["cursor"]
    before = len(_entries(server, "member.sync"))
    again = server.client.post(
        "/api/v1/sync/pull", json={"scopes": {scope: cursor, "catalog": None}}, headers=headers
    )
    assert again.status_code == 200
    assert len(_entries(server, "member.sync")) == before


def _refs(node: Any, out: set[str]) -> None:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref":
                out.add(str(value).rsplit("/", 1)[1])
            else:
                _refs(value, out)
    elif isinstance(node, list):
        for value in node:
            _refs(value, out)


def _holds_member_data(answer: Any, schemas: dict[str, Any]) -> bool:
    todo: set[str] = set()
    _refs(answer, todo)
    seen: set[str] = set()
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        if PERSONAL_FIELDS & set(schemas[name].get("properties", {})):
            return True
        _refs(schemas[name], todo)
    return False


def test_every_route_whose_answer_can_hold_member_data_is_audited_or_explained(
    server: ServerUnderTest,
) -> None:
    spec = server.app.openapi()
    schemas = spec["components"]["schemas"]
    holding = {
        (method.upper(), path)
        for path, operations in spec["paths"].items()
        for method, operation in operations.items()
        if _holds_member_data(
            [v for k, v in operation.get("responses", {}).items() if k.startswith("2")], schemas
        )
    }
    unaudited = sorted(holding - AUDITED.keys() - NOT_AUDITED.keys())
    assert not unaudited, f"routes returning member data without an audit entry: {unaudited}"
    described = {(method.upper(), path) for path, ops in spec["paths"].items() for method in ops}
    assert not (AUDITED.keys() | NOT_AUDITED.keys()) - described, "rows for routes that are gone"


def test_a_pull_of_changes_that_carries_a_member_is_audited_too(server: ServerUnderTest) -> None:
    headers = server.login("a.guide")
    scope = f"members:{server.world.store_a}"
    page = server.client.post("/api/v1/sync/pull", json={"scopes": {scope: None}}, headers=headers)
    while (
        page.json()["scopes"][scope].get("has_more")
        or page.json()["scopes"][scope]["kind"] == "snapshot"
    ):
        cursor = page.json()["scopes"][scope]["cursor"]
        page = server.client.post(
            "/api/v1/sync/pull", json={"scopes": {scope: cursor}}, headers=headers
        )
    cursor = page.json()["scopes"][scope]["cursor"]
    edit = {
        "id": uuid7_str(),
        "type": "member.update",
        "created_at": utcnow().isoformat(),
        "payload": {"member_id": server.world.member_wang, "note": "prefers email"},
    }
    pushed = server.client.post("/api/v1/sync/push", json={"mutations": [edit]}, headers=headers)
    assert pushed.json()["results"][0]["status"] == "applied"
    before = len(_entries(server, "member.sync"))

    changes = server.client.post(
        "/api/v1/sync/pull", json={"scopes": {scope: cursor}}, headers=server.login("a.manager")
    )

    assert changes.json()["scopes"][scope]["kind"] == "changes"
    [entry] = _entries(server, "member.sync")[before:]
    assert entry.user_id == server.world.users["a.manager"]
    assert entry.detail["ids"] == [server.world.member_wang]
    assert entry.detail["kind"] == "changes"
