"""Tokens are revocable at once: log out everywhere, and disabling an account.

Both bump the user's token version (every access token dies) and revoke
every refresh token, in one transaction holding the user's row, which a
refresh takes too: a refresh racing either cannot leave a live token behind.
"""

from __future__ import annotations

import threading
from typing import Any

import httpx
from sqlmodel import Session, col, select

from shopguide.server.models import AuditLog, RefreshToken, Role, User
from tests.server.conftest import PASSWORD, ServerUnderTest, add_user

LOGIN = "/api/v1/auth/login"
REFRESH = "/api/v1/auth/refresh"
ME = "/api/v1/auth/me"


def _login(server: ServerUnderTest, username: str) -> dict[str, Any]:
    response = server.client.post(LOGIN, json={"username": username, "password": PASSWORD})
    assert response.status_code == 200, response.text
    tokens: dict[str, Any] = response.json()
    return tokens


def _bearer(tokens: dict[str, Any]) -> dict[str, str]:
    return {"Authorization": f"Bearer {tokens['access_token']}"}


def _refresh(server: ServerUnderTest, token: str) -> httpx.Response:
    return server.client.post(REFRESH, json={"refresh_token": token})


def _add_user(server: ServerUnderTest, username: str, role: Role, store_id: int | None) -> int:
    return add_user(server.app.state.engine, username, role, store_id)


def _assert_all_dead(server: ServerUnderTest, devices: list[dict[str, Any]]) -> None:
    for tokens in devices:
        assert server.client.get(ME, headers=_bearer(tokens)).status_code == 401
        assert _refresh(server, tokens["refresh_token"]).status_code == 401


def test_logging_out_everywhere_kills_every_token_of_every_device_at_once(
    server: ServerUnderTest,
) -> None:
    tablet, phone = _login(server, "a.guide"), _login(server, "a.guide")
    # A token spent by rotation whose successor was never used is normally accepted once more
    # (a tablet that lost the answer); after logging out everywhere it must not be.
    rotated = _refresh(server, phone["refresh_token"]).json()
    other = _login(server, "b.guide")

    out = server.client.post("/api/v1/auth/logout-all", headers=_bearer(tablet))

    assert out.status_code == 204
    _assert_all_dead(server, [tablet, phone, rotated])
    assert server.client.get(ME, headers=_bearer(other)).status_code == 200, "others stay in"
    again = _login(server, "a.guide")
    assert server.client.get(ME, headers=_bearer(again)).status_code == 200
    assert _refresh(server, again["refresh_token"]).status_code == 200
    with Session(server.app.state.engine) as s:
        entry = s.exec(select(AuditLog).where(AuditLog.action == "user.logout_all")).one()
    assert entry.user_id == server.world.users["a.guide"]
    assert entry.detail["refresh_tokens_revoked"] >= 2


def test_logging_out_everywhere_needs_a_valid_token(server: ServerUnderTest) -> None:
    assert server.client.post("/api/v1/auth/logout-all").status_code == 401


def test_a_manager_disables_a_guide_of_their_store_and_every_token_dies_at_once(
    server: ServerUnderTest,
) -> None:
    guide = server.world.users["a.guide"]
    devices = [_login(server, "a.guide"), _login(server, "a.guide")]

    response = server.client.post(
        f"/api/v1/users/{guide}/disable", headers=server.login("a.manager")
    )

    assert response.status_code == 200, response.text
    assert response.json()["is_active"] is False
    _assert_all_dead(server, devices)
    refused = server.client.post(LOGIN, json={"username": "a.guide", "password": PASSWORD})
    assert refused.status_code == 401
    with Session(server.app.state.engine) as s:
        entry = s.exec(select(AuditLog).where(AuditLog.action == "user.disable")).one()
        live = s.exec(
            select(RefreshToken).where(
                RefreshToken.user_id == guide, col(RefreshToken.revoked_at).is_(None)
            )
        ).all()
    assert (entry.user_id, entry.entity_id) == (server.world.users["a.manager"], str(guide))
    assert live == []

    enabled = server.client.post(f"/api/v1/users/{guide}/enable", headers=server.login("admin"))
    assert enabled.status_code == 200
    assert enabled.json()["is_active"] is True
    _assert_all_dead(server, devices)  # enabling again does not bring old tokens back
    assert server.client.get(ME, headers=server.login("a.guide")).status_code == 200


def test_an_admin_disables_anyone_but_themselves(server: ServerUnderTest) -> None:
    admin = server.login("admin")
    manager = _login(server, "a.manager")
    disabled = server.client.post(
        f"/api/v1/users/{server.world.users['a.manager']}/disable", headers=admin
    )
    assert disabled.status_code == 200
    _assert_all_dead(server, [manager])
    other_admin = _add_user(server, "admin2", Role.ADMIN, None)
    assert (
        server.client.post(f"/api/v1/users/{other_admin}/disable", headers=admin).status_code == 200
    )
    own = server.client.post(f"/api/v1/users/{server.world.users['admin']}/disable", headers=admin)
    assert own.status_code == 403
    assert server.client.post("/api/v1/users/999999/disable", headers=admin).status_code == 404


def test_who_may_not_disable_whom(server: ServerUnderTest) -> None:
    w = server.world
    _add_user(server, "b.manager", Role.MANAGER, w.store_b)
    a_manager2 = _add_user(server, "a.manager2", Role.MANAGER, w.store_a)
    cases = [
        ("a.guide", w.users["b.guide"]),  # guides disable nobody
        ("a.guide", w.users["a.guide"]),  # not even themselves (that is log out everywhere)
        ("a.manager", w.users["b.guide"]),  # another store's guide
        ("a.manager", a_manager2),  # a manager of their own store
        ("a.manager", w.users["admin"]),
        ("a.manager", w.users["a.manager"]),
        ("b.manager", w.users["a.guide"]),
    ]
    for caller, target in cases:
        headers = server.login(caller)
        for action in ("disable", "enable"):
            response = server.client.post(f"/api/v1/users/{target}/{action}", headers=headers)
            assert response.status_code == 403, (caller, target, action, response.text)
    with Session(server.app.state.engine) as s:
        assert all(u.is_active for u in s.exec(select(User)).all())
    assert server.client.get(ME, headers=server.login("b.guide")).status_code == 200


def _race(server: ServerUnderTest, tokens: dict[str, Any]) -> dict[str, httpx.Response]:
    """A refresh with the token and a log out everywhere with the access token, at once."""
    start = threading.Barrier(2)
    got: dict[str, httpx.Response] = {}
    errors: list[BaseException] = []
    calls = {
        "refresh": lambda: _refresh(server, tokens["refresh_token"]),
        "logout": lambda: server.client.post("/api/v1/auth/logout-all", headers=_bearer(tokens)),
    }

    def run(name: str) -> None:
        try:
            start.wait()
            got[name] = calls[name]()
        except BaseException as exc:  # reported below, in the test's thread
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(name,)) for name in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert not errors, errors
    return got


def test_a_refresh_racing_a_logout_everywhere_leaves_no_live_token(
    server: ServerUnderTest,
) -> None:
    """Whichever goes first, the refresh token the race hands out (if any) is dead afterwards."""
    for _ in range(4):
        got = _race(server, _login(server, "a.guide"))
        assert got["logout"].status_code == 204, got["logout"].text
        assert got["refresh"].status_code in (200, 401), got["refresh"].text
        if got["refresh"].status_code == 200:  # the refresh went first: its token died after
            _assert_all_dead(server, [got["refresh"].json()])
        with Session(server.app.state.engine) as s:
            live = s.exec(
                select(RefreshToken).where(
                    RefreshToken.user_id == server.world.users["a.guide"],
                    col(RefreshToken.revoked_at).is_(None),
                )
            ).all()
        assert live == [], "a refresh token outlived logging out everywhere"
