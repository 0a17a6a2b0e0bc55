"""Roles and store scoping: who may write where."""

from __future__ import annotations

from tests.server.conftest import ServerUnderTest


def _count(server: ServerUnderTest, store_id: int, headers: dict[str, str], counted: int = 5):
    return server.client.post(
        f"/api/v1/stores/{store_id}/stock/counts",
        json={"variant_id": server.world.runner_black_42, "counted": counted},
        headers=headers,
    )


def test_a_guide_of_store_a_records_a_count_in_store_a(server: ServerUnderTest) -> None:
    response = _count(server, server.world.store_a, server.login("a.guide"))
    assert response.status_code == 201
    assert response.json()["on_hand"] == 5


def test_a_guide_of_store_a_cannot_write_to_store_b(server: ServerUnderTest) -> None:
    headers = server.login("a.guide")
    response = _count(server, server.world.store_b, headers, counted=99)
    assert response.status_code == 403
    assert response.json()["detail"] == "you can only change your own store"
    stock = server.client.get(
        f"/api/v1/stores/{server.world.store_b}/stock/styles/{server.world.runner}",
        headers=headers,
    ).json()
    black_42 = next(s for s in stock if s["variant_id"] == server.world.runner_black_42)
    assert black_42["on_hand"] == 2


def test_an_admin_may_write_to_any_store(server: ServerUnderTest) -> None:
    assert _count(server, server.world.store_b, server.login("admin")).status_code == 201


def test_a_guide_cannot_create_accounts(server: ServerUnderTest) -> None:
    response = server.client.post(
        "/api/v1/users",
        json={
            "username": "a.guide9",
            "full_name": "New",
            "role": "guide",
            "store_id": server.world.store_a,
            "password": "long enough pw",
        },
        headers=server.login("a.guide"),
    )
    assert response.status_code == 403


def test_a_manager_creates_guides_only_for_their_own_store(server: ServerUnderTest) -> None:
    headers = server.login("a.manager")
    body = {
        "username": "a.guide9",
        "full_name": "New Guide",
        "role": "guide",
        "store_id": server.world.store_a,
        "password": "long enough pw",
    }
    assert server.client.post("/api/v1/users", json=body, headers=headers).status_code == 201
    other_store = {**body, "username": "b.guide9", "store_id": server.world.store_b}
    assert server.client.post("/api/v1/users", json=other_store, headers=headers).status_code == 403
    promote = {**body, "username": "a.boss", "role": "manager"}
    assert server.client.post("/api/v1/users", json=promote, headers=headers).status_code == 403
    new_guide = server.login("a.guide9", "long enough pw")
    assert server.client.get("/api/v1/auth/me", headers=new_guide).status_code == 200


def test_a_count_is_written_to_the_audit_log(server: ServerUnderTest) -> None:
    from sqlmodel import Session, select

    from shopguide.server.models import AuditLog

    _count(server, server.world.store_a, server.login("a.guide"), counted=4)
    with Session(server.app.state.engine) as s:
        entry = s.exec(select(AuditLog).where(AuditLog.action == "stock.count")).one()
    assert entry.user_id == server.world.users["a.guide"]
    assert entry.detail == {"before": 0, "after": 4}
