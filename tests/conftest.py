"""Fixtures every suite shares."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.support.databases import DatabaseFactory


@pytest.fixture(scope="session")
def databases(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DatabaseFactory]:
    """`databases.new_url("sqlite" | "postgresql")` gives the URL of a new empty database."""
    factory = DatabaseFactory(tmp_path_factory.mktemp("databases"))
    yield factory
    factory.drop_all()
