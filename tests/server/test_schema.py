"""The migrations are the schema: they build exactly what the models describe."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlmodel import SQLModel

from shopguide.server.db import make_engine
from shopguide.server.migrate import upgrade
from tests.server.conftest import ServerUnderTest


def test_migrations_match_the_models(migrated_url: str) -> None:
    engine = make_engine(migrated_url)
    with engine.connect() as conn:
        diff = compare_metadata(
            MigrationContext.configure(conn, opts={"compare_type": True}), SQLModel.metadata
        )
    engine.dispose()
    assert diff == []


def test_migrating_twice_is_harmless(migrated_url: str) -> None:
    engine = make_engine(migrated_url)
    upgrade(engine)
    engine.dispose()


def test_openapi_documents_every_route_under_api_v1(server: ServerUnderTest) -> None:
    spec = server.client.get("/openapi.json").json()
    paths = set(spec["paths"])
    assert {
        "/api/v1/auth/login",
        "/api/v1/catalog/styles",
        "/api/v1/members/lookup",
        "/api/v1/stock/variants/{variant_id}",
    } <= paths
    api_routes = {
        route.path for route in server.app.routes if getattr(route, "include_in_schema", False)
    }
    assert api_routes <= paths
