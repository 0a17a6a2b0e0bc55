"""The one HTTP client the tablet uses to talk to the central server.

It keeps the access token in memory and refreshes it once when the server
answers 401; the refresh token is handed to `on_refresh_token` every time it
rotates, so the caller can keep it in the keyring. Every failure is one of
three exceptions, so callers can tell "offline" from "refused".
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import requests

DEFAULT_TIMEOUT = (3.05, 30.0)


class ApiError(Exception):
    """The server answered and refused: the status and its reason."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(f"{status}: {reason}")
        self.status = status
        self.reason = reason


class OfflineError(Exception):
    """No answer from the server: connection refused, dropped or timed out."""


class LoginRequired(Exception):
    """The refresh token is missing, expired or revoked: ask for the password again."""


@dataclass(frozen=True, slots=True)
class LoginResult:
    user_id: int
    username: str
    full_name: str
    role: str
    store_id: int | None
    refresh_token: str


class ApiClient:
    def __init__(
        self,
        base_url: str,
        *,
        refresh_token: str | None = None,
        on_refresh_token: Callable[[str], None] | None = None,
        timeout: tuple[float, float] = DEFAULT_TIMEOUT,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self._refresh_token = refresh_token
        self._on_refresh_token = on_refresh_token
        self._access_token: str | None = None
        self._timeout = timeout
        self._http = requests.Session()
        self._lock = threading.Lock()

    def close(self) -> None:
        self._http.close()

    # -- authentication -------------------------------------------------

    def login(self, username: str, password: str) -> LoginResult:
        body = self._send(
            "POST", "/auth/login", json={"username": username, "password": password}, auth=False
        )
        return self._accept_tokens(body)

    def logout(self) -> None:
        if self._refresh_token:
            self._send(
                "POST", "/auth/logout", json={"refresh_token": self._refresh_token}, auth=False
            )
        self._refresh_token = None
        self._access_token = None

    @property
    def has_credentials(self) -> bool:
        return bool(self._refresh_token or self._access_token)

    def _refresh(self) -> None:
        if not self._refresh_token:
            raise LoginRequired("log in to continue")
        try:
            body = self._send(
                "POST", "/auth/refresh", json={"refresh_token": self._refresh_token}, auth=False
            )
        except ApiError as exc:
            if exc.status in (401, 403):
                self._refresh_token = None
                raise LoginRequired(exc.reason) from exc
            raise
        self._accept_tokens(body)

    def _accept_tokens(self, body: Mapping[str, Any]) -> LoginResult:
        self._access_token = str(body["access_token"])
        self._refresh_token = str(body["refresh_token"])
        if self._on_refresh_token is not None:
            self._on_refresh_token(self._refresh_token)
        user = body["user"]
        return LoginResult(
            user_id=int(user["id"]),
            username=str(user["username"]),
            full_name=str(user["full_name"]),
            role=str(user["role"]),
            store_id=None if user.get("store_id") is None else int(user["store_id"]),
            refresh_token=self._refresh_token,
        )

    # -- requests ---------------------------------------------------------

    def reachable(self, timeout: float = 3.0) -> str | None:
        """None when the server answers its health check, else why not."""
        try:
            response = self._http.get(f"{self.base_url}/healthz", timeout=timeout)
        except requests.RequestException as exc:
            return f"cannot reach {self.base_url}: {type(exc).__name__}"
        return None if response.ok else f"{self.base_url} answered {response.status_code}"

    def get(self, path: str, params: Mapping[str, Any] | None = None) -> Any:
        return self.call("GET", path, params=params)

    def post(self, path: str, json: Any) -> Any:
        return self.call("POST", path, json=json)

    def download(self, path: str, params: Mapping[str, Any] | None = None) -> bytes:
        """A GET whose answer is a file (a CSV export), as the bytes the server sent."""
        body: bytes = self.call("GET", path, params=params, raw=True)
        return body

    def upload_diagnostics(self, data: bytes, filename: str) -> dict[str, Any]:
        """Send a diagnostics zip (`shopguide.client.diagnostics`); the server's record of it."""
        files = {"report": (filename, data, "application/zip")}
        body: dict[str, Any] = self.call("POST", "/diagnostics", files=files)
        return body

    def call(self, method: str, path: str, **kwargs: Any) -> Any:
        """Send with the access token, refreshing it once if the server says it expired."""
        with self._lock:
            if self._access_token is None:
                self._refresh()
        try:
            return self._send(method, path, **kwargs)
        except ApiError as exc:
            if exc.status != 401:
                raise
        with self._lock:
            self._refresh()
        return self._send(method, path, **kwargs)

    def pull(
        self, scopes: Mapping[str, str | None], limit: int, *, wait: float = 0
    ) -> dict[str, Any]:
        """One pull; with `wait`, the server holds the answer until something changes."""
        request: dict[str, Any] = {"scopes": dict(scopes), "limit": limit}
        kwargs: dict[str, Any] = {}
        if wait:
            request["wait"] = wait
            kwargs["timeout"] = (self._timeout[0], wait + self._timeout[1])
        body = self.call("POST", "/sync/pull", json=request, **kwargs)
        result: dict[str, Any] = body["scopes"]
        return result

    def push(self, mutations: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
        body = self.post("/sync/push", {"mutations": list(mutations)})
        results: list[dict[str, Any]] = body["results"]
        return results

    def _send(
        self, method: str, path: str, *, auth: bool = True, raw: bool = False, **kwargs: Any
    ) -> Any:
        kwargs.setdefault("timeout", self._timeout)
        headers = {}
        if auth and self._access_token:
            headers["Authorization"] = f"Bearer {self._access_token}"
        try:
            response = self._http.request(
                method,
                f"{self.base_url}/api/v1{path}",
                headers=headers,
                **kwargs,
            )
        except requests.RequestException as exc:
            raise OfflineError(f"cannot reach {self.base_url}: {type(exc).__name__}") from exc
        if response.status_code >= 400:
            raise ApiError(response.status_code, _reason(response))
        if response.status_code == 204:
            return None
        if raw:
            return response.content
        # A connection cut mid-answer can leave an empty or truncated body behind a
        # 200: that is no answer at all, so the caller retries as if offline.
        try:
            return response.json()
        except ValueError as exc:
            raise OfflineError(f"incomplete answer from {self.base_url}") from exc


def _reason(response: requests.Response) -> str:
    try:
        detail = response.json().get("detail")
    except (ValueError, AttributeError):
        detail = None
    return str(detail) if detail else (response.reason or f"HTTP {response.status_code}")
