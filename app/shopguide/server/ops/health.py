"""Whether this process can serve: the database answers and its schema is the one expected.

A process started against a database nobody migrated (or one a release
behind) would fail on its first real request with an SQL error; the
readiness probe says why instead, so a load balancer keeps traffic away and
an operator reads "run `shopguide-server migrate`". A schema *newer* than
this code (another host already migrated, this one not yet replaced) is
ready: migrations keep the previous release working (docs/deployment.md,
Upgrading), which is what lets a rolling upgrade avoid downtime.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.exc import SQLAlchemyError

from shopguide.server.migrate import alembic_config

VERSION_TABLE = "alembic_version"


@dataclass(frozen=True, slots=True)
class Readiness:
    ready: bool
    schema: str
    """The database's migration revision(s), comma-separated; empty when it has none."""
    detail: str
    """Why not ready, or a note an operator should read; empty when all is well."""


@cache
def _migrations() -> tuple[frozenset[str], frozenset[str]]:
    """(heads, every revision) of the migrations shipped with this code; read once per process."""
    scripts = ScriptDirectory.from_config(alembic_config())
    known = frozenset(script.revision for script in scripts.walk_revisions())
    return frozenset(scripts.get_heads()), known


def _current_heads(conn: Connection) -> frozenset[str]:
    """The revisions in alembic's version table (none when it has no table yet).

    Read directly: alembic's MigrationContext would log two lines at every probe.
    """
    if not inspect(conn).has_table(VERSION_TABLE):
        return frozenset()
    rows = conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalars()  # noqa: S608
    return frozenset(str(row) for row in rows)


def readiness(engine: Engine) -> Readiness:
    """Ask the database for its schema revision and compare it with the code's."""
    try:
        with engine.connect() as conn:
            current = _current_heads(conn)
    except SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        return Readiness(False, "", f"the database cannot be reached: {reason}")
    heads, known = _migrations()
    schema, wanted = ",".join(sorted(current)), ",".join(sorted(heads))
    if current == heads:
        return Readiness(True, schema, "")
    if not current:
        return Readiness(
            False,
            "",
            "the database has no ShopGuide schema yet: run `shopguide-server migrate`",
        )
    if current <= known:
        return Readiness(
            False,
            schema,
            f"the database schema is at revision {schema} and this server needs {wanted}: "
            "run `shopguide-server migrate`",
        )
    return Readiness(
        True,
        schema,
        f"the database schema ({schema}) is newer than this server ({wanted}); "
        "replace this server with the release that migrated it",
    )
