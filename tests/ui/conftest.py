"""Qt tests run offscreen, with background tasks run inline so each step is deterministic."""

from __future__ import annotations

import os
from collections.abc import Iterator

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from shopguide.ui import tasks
from tests.support.databases import DatabaseFactory
from tests.support.live import LiveServer, running_server


@pytest.fixture(scope="module")
def live_server(databases: DatabaseFactory) -> Iterator[LiveServer]:
    """The UI does not care which database the server uses: SQLite only, once per module."""
    with running_server(databases.new_url("sqlite")) as live:
        yield live


@pytest.fixture(autouse=True)
def inline_tasks() -> Iterator[None]:
    tasks.set_runner(tasks.InlineRunner())
    yield
    tasks.set_runner(tasks.ThreadPoolRunner())
