"""Everything the tablet keeps, opened together: settings, credentials, cache, outbox, sync.

The UI and the `shopguide sync` command both start here, so they share one
way of finding the data folder, logging in, and choosing what to sync.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from platformdirs import user_data_dir

from shopguide.client import settings as opts
from shopguide.client.api import ApiClient, ApiError, LoginRequired, LoginResult, OfflineError
from shopguide.client.cache import Cache
from shopguide.client.credentials import CredentialStore
from shopguide.client.outbox import Outbox
from shopguide.client.settings import Settings
from shopguide.client.sync_engine import SyncEngine, scopes_for_store
from shopguide.core.geo import GeoPoint, nearest


def default_data_dir() -> Path:
    override = os.environ.get("SHOPGUIDE_DATA_DIR")
    return Path(override) if override else Path(user_data_dir("shopguide", appauthor=False))


class Tablet:
    def __init__(self, data_dir: Path | None = None) -> None:
        self.data_dir = data_dir or default_data_dir()
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.settings = Settings(self.data_dir / "settings.json")
        self.credentials = CredentialStore(self.data_dir)
        self.outbox = Outbox(self.data_dir / "outbox.db")
        self.cache = Cache(self.data_dir / "cache.db")
        self.api: ApiClient | None = None
        self.engine: SyncEngine | None = None

    def close(self) -> None:
        if self.engine is not None:
            self.engine.stop()
        if self.api is not None:
            self.api.close()
        self.cache.close()
        self.outbox.close()

    @property
    def store_id(self) -> int:
        return self.settings.get(opts.STORE_ID)

    def login(self, server_url: str, username: str, password: str) -> LoginResult:
        """Log in, remember the server, the store and the refresh token."""
        api = self._make_api(server_url, username, refresh_token=None)
        result = api.login(username, password)
        if result.store_id is None:
            api.close()
            raise LoginRequired("this account has no store; log in with a store account")
        self.settings.set(opts.SERVER_URL, server_url.rstrip("/"))
        self.settings.set(opts.USERNAME, result.username)
        self.settings.set(opts.FULL_NAME, result.full_name)
        self.settings.set(opts.ROLE, result.role)
        self.settings.set(opts.STORE_ID, result.store_id)
        self._replace_api(api)
        return result

    def connect(self) -> SyncEngine:
        """The sync engine for the saved login; raises LoginRequired when there is none."""
        if self.engine is not None:
            return self.engine
        if self.api is None:
            url = self.settings.get(opts.SERVER_URL)
            username = self.settings.get(opts.USERNAME)
            token = self.credentials.load(username) if username else None
            if not url or not token or not self.store_id:
                raise LoginRequired("this tablet has not logged in yet")
            self._replace_api(self._make_api(url, username, refresh_token=token))
        assert self.api is not None
        self.engine = SyncEngine(
            cache=self.cache, outbox=self.outbox, api=self.api, scopes=self.wanted_scopes()
        )
        self.engine.add_change_listener(self._follow_nearby_stores)
        return self.engine

    def reauthenticate(self, password: str) -> LoginResult:
        """Log the same guide in again after the login expired, keeping the running sync."""
        if self.api is None:
            raise LoginRequired("this tablet has not logged in yet")
        return self.api.login(self.settings.get(opts.USERNAME), password)

    def logout(self) -> None:
        """Stop syncing, forget the login and the members. Queued sales stay in the outbox."""
        if self.engine is not None:
            self.engine.stop()
            self.engine = None
        username = self.settings.get(opts.USERNAME)
        if self.api is not None:
            with contextlib.suppress(ApiError, OfflineError, LoginRequired):
                self.api.logout()
            self.api.close()
            self.api = None
        if username:
            self.credentials.forget(username)
        self.cache.forget_members()

    def store_name(self) -> str:
        row = self.cache.read(
            lambda c: c.execute("SELECT name FROM store WHERE id = ?", (self.store_id,)).fetchone()
        )
        return str(row[0]) if row else ""

    def wanted_scopes(self) -> list[str]:
        return scopes_for_store(self.store_id, self.nearby_store_ids())

    def nearby_store_ids(self) -> list[int]:
        """The nearest stores by distance, from the cached store list (empty before it arrives)."""
        stores = self.cache.read(
            lambda c: c.execute("SELECT id, latitude, longitude FROM store").fetchall()
        )
        here = next((s for s in stores if s[0] == self.store_id), None)
        if here is None:
            return []
        others = [(s[0], GeoPoint(s[1], s[2])) for s in stores if s[0] != self.store_id]
        count = self.settings.get(opts.NEARBY_STORES)
        return [store_id for store_id, _ in nearest(GeoPoint(here[1], here[2]), others, count)]

    def _follow_nearby_stores(self, changed: set[str]) -> None:
        if "config" in changed and self.engine is not None:
            wanted = self.wanted_scopes()
            if wanted != self.engine.scopes:
                self.engine.set_scopes(wanted)

    def _make_api(self, url: str, username: str, refresh_token: str | None) -> ApiClient:
        return ApiClient(
            url,
            refresh_token=refresh_token,
            on_refresh_token=lambda token: self.credentials.save(username, token),
        )

    def _replace_api(self, api: ApiClient) -> None:
        if self.engine is not None:
            self.engine.stop()
            self.engine = None
        if self.api is not None:
            self.api.close()
        self.api = api
