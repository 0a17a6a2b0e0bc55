"""Logging in, token lifetimes, refresh rotation and the login rate limit."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

import httpx

from shopguide.server import security
from shopguide.server.models import Role, User
from tests.server.conftest import PASSWORD, TEST_SECRET, ServerUnderTest

LOGIN = "/api/v1/auth/login"


def test_a_guide_logs_in_and_sees_their_own_account(server: ServerUnderTest) -> None:
    response = server.client.post(LOGIN, json={"username": "a.guide", "password": PASSWORD})
    assert response.status_code == 200
    body = response.json()
    assert body["user"]["username"] == "a.guide"
    assert body["user"]["store_id"] == server.world.store_a
    assert "password_hash" not in body["user"]
    me = server.client.get(
        "/api/v1/auth/me", headers={"Authorization": f"Bearer {body['access_token']}"}
    )
    assert me.status_code == 200
    assert me.json()["role"] == "guide"


def test_username_is_not_case_sensitive(server: ServerUnderTest) -> None:
    response = server.client.post(LOGIN, json={"username": " A.Guide ", "password": PASSWORD})
    assert response.status_code == 200


def test_wrong_password_is_refused_without_saying_which_part_was_wrong(
    server: ServerUnderTest,
) -> None:
    wrong = server.client.post(LOGIN, json={"username": "a.guide", "password": "nope"})
    unknown = server.client.post(LOGIN, json={"username": "nobody", "password": "nope"})
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.json()["detail"] == unknown.json()["detail"] == "wrong username or password"


def test_repeated_wrong_passwords_lock_the_user_out_even_with_the_right_one(
    server: ServerUnderTest,
) -> None:
    limit = server.settings.login_max_failures_per_user
    for _ in range(limit):
        response = server.client.post(LOGIN, json={"username": "a.guide", "password": "guess"})
        assert response.status_code == 401
    locked = server.client.post(LOGIN, json={"username": "a.guide", "password": PASSWORD})
    assert locked.status_code == 429
    assert "too many failed logins" in locked.json()["detail"]
    assert int(locked.headers["Retry-After"]) > 0
    other_user = server.client.post(LOGIN, json={"username": "b.guide", "password": PASSWORD})
    assert other_user.status_code == 200


def test_many_failures_from_one_address_lock_that_address_for_every_user(
    server: ServerUnderTest,
) -> None:
    for i in range(server.settings.login_max_failures_per_address):
        server.client.post(LOGIN, json={"username": f"ghost{i}", "password": "guess"})
    response = server.client.post(LOGIN, json={"username": "b.guide", "password": PASSWORD})
    assert response.status_code == 429


def test_an_expired_access_token_is_refused(server: ServerUnderTest) -> None:
    user_id = server.world.users["a.guide"]
    token = security.issue_access_token(
        secret=TEST_SECRET,
        user_id=user_id,
        role="guide",
        store_id=server.world.store_a,
        token_version=0,
        lifetime=timedelta(minutes=15),
        now=datetime.now(UTC) - timedelta(hours=1),
    )
    response = server.client.get("/api/v1/auth/me", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 401
    assert response.json()["detail"] == "access token expired"


def test_a_token_signed_with_another_secret_is_refused(server: ServerUnderTest) -> None:
    token = security.issue_access_token(
        secret="someone-else-" + "y" * 40,
        user_id=server.world.users["admin"],
        role="admin",
        store_id=None,
        token_version=0,
        lifetime=timedelta(minutes=15),
    )
    response = server.client.get("/api/v1/auth/me", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 401


def test_requests_without_a_token_are_refused(server: ServerUnderTest) -> None:
    response = server.client.get("/api/v1/catalog/styles")
    assert response.status_code == 401
    assert response.json()["detail"].startswith("log in first")


def _refresh(server: ServerUnderTest, token: str) -> httpx.Response:
    return server.client.post("/api/v1/auth/refresh", json={"refresh_token": token})


def test_refresh_rotates_and_a_spent_token_dies_once_its_successor_is_used(
    server: ServerUnderTest,
) -> None:
    first = server.client.post(LOGIN, json={"username": "a.guide", "password": PASSWORD}).json()
    second = _refresh(server, first["refresh_token"])
    assert second.status_code == 200
    assert second.json()["refresh_token"] != first["refresh_token"]
    third = _refresh(server, second.json()["refresh_token"])
    assert third.status_code == 200
    assert _refresh(server, third.json()["refresh_token"]).status_code == 200
    assert _refresh(server, first["refresh_token"]).status_code == 401
    assert _refresh(server, second.json()["refresh_token"]).status_code == 401


def test_a_tablet_that_lost_the_refresh_answer_can_refresh_again_with_the_old_token(
    server: ServerUnderTest,
) -> None:
    first = server.client.post(LOGIN, json={"username": "a.guide", "password": PASSWORD}).json()
    lost = _refresh(server, first["refresh_token"]).json()
    retry = _refresh(server, first["refresh_token"])
    assert retry.status_code == 200
    assert _refresh(server, lost["refresh_token"]).status_code == 401, "only one chain lives"
    assert _refresh(server, retry.json()["refresh_token"]).status_code == 200


def test_logout_spends_the_refresh_token(server: ServerUnderTest) -> None:
    tokens = server.client.post(LOGIN, json={"username": "a.guide", "password": PASSWORD}).json()
    out = server.client.post("/api/v1/auth/logout", json={"refresh_token": tokens["refresh_token"]})
    assert out.status_code == 204
    again = server.client.post(
        "/api/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]}
    )
    assert again.status_code == 401


def test_disabling_a_user_refuses_their_live_token(server: ServerUnderTest) -> None:
    from sqlmodel import Session

    headers = server.login("b.guide")
    with Session(server.app.state.engine) as s:
        user = s.get(User, server.world.users["b.guide"])
        assert user is not None
        assert user.role == Role.GUIDE
        user.is_active = False
        s.add(user)
        s.commit()
    response = server.client.get("/api/v1/auth/me", headers=headers)
    assert response.status_code == 401


def test_tablets_logging_in_side_by_side_all_get_in(server: ServerUnderTest) -> None:
    """A shift starts: every tablet of a store logs in within the same second."""
    users = ["a.guide", "a.manager", "b.guide", "admin"] * 2
    start = threading.Barrier(len(users))

    def log_in(username: str) -> int:
        start.wait()
        answer = server.client.post(LOGIN, json={"username": username, "password": PASSWORD})
        return answer.status_code

    with ThreadPoolExecutor(len(users)) as pool:
        statuses = list(pool.map(log_in, users))
    assert statuses == [200] * len(users)
