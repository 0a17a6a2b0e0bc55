"""The change feed: capture of every ORM write to a synced table, pulls, and pruning.

Capture. Listeners on `sqlmodel.Session` (the class, so every session any
server process opens) write one `change_log` row per changed row and scope,
in the same transaction as the change: a change is in the feed exactly when
it is committed. The listeners are registered when this module is imported.
`create_app()` mounts the sync routes, which import this package, so a
running server always captures; code that writes synced tables outside a
server (a script, an ops job) must import `shopguide.server.sync` first, as
the push handlers do. It works this way because the app factory is not the
place for sync to hook into, and class-level session events need no engine.
Writes that bypass the ORM unit of work (the bulk seed, `session.execute(
update(...))`) produce no changes; what they leave is served by snapshots.

Order. A row's position is (txid, id): the writing transaction's id on
PostgreSQL (0 on SQLite) and a never-reused auto-increment. On PostgreSQL a
pull serves only rows whose transaction is older than every transaction still
running (`pg_snapshot_xmin`), read after that horizon is taken: all of those
transactions have ended, so no row can later appear behind the cursor. A
transaction that commits late holds every later row back until it commits.
On SQLite writers are serialised, so ids are allocated in commit order.

Pruning. `prune_feed` deletes a prefix of each scope's feed and records the
last position it removed in `feed_horizon`; a cursor behind it gets "resync".
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Table,
    delete,
    event,
    func,
    insert,
    literal,
    select,
    text,
    tuple_,
)
from sqlalchemy.orm import UOWTransaction
from sqlalchemy.orm import attributes as orm_attributes
from sqlalchemy.sql.selectable import TextualSelect
from sqlmodel import Session, SQLModel

from shopguide.server.models import (
    Brand,
    ChangeLog,
    Coupon,
    FeedHorizon,
    Member,
    MerchantAccount,
    Reservation,
    StockLevel,
    Store,
    Transfer,
)
from shopguide.server.models.types import utcnow
from shopguide.server.sync.cursors import Position, encode_changes
from shopguide.server.sync.scopes import Scope, inbox_scope, members_scope, stock_scope
from shopguide.server.sync.shapes import COUPON, SHAPES, Shape, phone_salt_of_store, table_of

CHANGE_LOG: Table = table_of(ChangeLog)
COLUMNS: dict[str, list[str]] = {shape.entity: list(shape.columns) for shape in SHAPES.values()}
RESYNC: dict[str, Any] = {"kind": "resync"}

_PENDING = "shopguide.sync.pending"
Place = tuple[str, str]  # (scope, key)

# ----------------------------------------------------------------------------- capture


def _scopes_of(
    shape: Shape, values: Mapping[str, Any], home_of: Callable[[int], int]
) -> tuple[str, ...]:
    """The scopes a row belongs to: one, except a reservation or transfer, in both stores' inbox."""
    if shape.model is StockLevel:
        return (stock_scope(values["store_id"]),)
    if shape.model is Member:
        return (members_scope(values["home_store_id"]),)
    if shape.model is Coupon:
        return (members_scope(home_of(values["member_id"])),)
    if shape.model is Reservation:
        return tuple(
            dict.fromkeys(inbox_scope(values[c]) for c in ("from_store_id", "at_store_id"))
        )
    if shape.model is Transfer:
        return tuple(
            dict.fromkeys(inbox_scope(values[c]) for c in ("from_store_id", "to_store_id"))
        )
    if shape.model in (Store, Brand, MerchantAccount):
        return ("config",)
    return ("catalog",)


_SCOPE_COLUMNS: dict[type[SQLModel], tuple[str, ...]] = {
    StockLevel: ("store_id",),
    Member: ("home_store_id",),
    Coupon: ("member_id",),
    Reservation: ("from_store_id", "at_store_id"),
    Transfer: ("from_store_id", "to_store_id"),
}


def _placing(shape: Shape) -> tuple[str, ...]:
    """The attributes a row's scopes and key come from."""
    return (*shape.key, *_SCOPE_COLUMNS.get(shape.model, ()))


_PLACING: dict[type[SQLModel], tuple[str, ...]] = {
    model: _placing(shape) for model, shape in SHAPES.items()
}


def _keep_old_value(*_args: Any) -> None:
    """No-op, registered for `active_history`: a set then records the value it replaced.

    Without it, setting an attribute that was not loaded (say, after a
    commit expired it) leaves no old value, and the tombstone for where
    the row was would be missing.
    """


for _model, _names in _PLACING.items():
    for _name in _names:
        event.listen(getattr(_model, _name), "set", _keep_old_value, active_history=True)


class _Lookups:
    """Facts a change row needs from other tables, read once per flush phase."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.homes: dict[int, int] = {}
        self.salts: dict[int, str] = {}

    def home_of(self, member_id: int) -> int:
        if member_id not in self.homes:
            member = table_of(Member)
            self.homes[member_id] = (
                self.session.connection()
                .execute(select(member.c.home_store_id).where(member.c.id == member_id))
                .scalar_one()
            )
        return self.homes[member_id]

    def salt_for(self, store_id: int) -> str:
        if store_id not in self.salts:
            self.salts[store_id] = phone_salt_of_store(self.session.connection(), store_id)
        return self.salts[store_id]


def _old_values(obj: SQLModel, names: Iterable[str]) -> dict[str, Any]:
    state = orm_attributes.instance_state(obj)
    values = {}
    for name in names:
        history = state.attrs[name].history
        values[name] = history.deleted[0] if history.deleted else getattr(obj, name)
    return values


def _places(shape: Shape, values: Mapping[str, Any], lookups: _Lookups) -> tuple[Place, ...]:
    key = shape.key_of(values)
    return tuple((scope, key) for scope in _scopes_of(shape, values, lookups.home_of))


def _remember_old_places(session: Session, _ctx: UOWTransaction, _instances: object) -> None:
    """Before the flush, while the rows still hold their old values: where each row was."""
    lookups = _Lookups(session)
    changed: list[tuple[SQLModel, tuple[Place, ...]]] = []
    gone: list[tuple[str, tuple[Place, ...]]] = []
    for obj in session.dirty:
        shape = SHAPES.get(type(obj))
        if shape is not None and session.is_modified(obj):
            changed.append((obj, _places(shape, _old_values(obj, _PLACING[shape.model]), lookups)))
    for obj in session.deleted:
        shape = SHAPES.get(type(obj))
        if shape is not None:
            gone.append(
                (shape.entity, _places(shape, _old_values(obj, _PLACING[shape.model]), lookups))
            )
    session.info[_PENDING] = (changed, gone)


def _record_changes(session: Session, _ctx: UOWTransaction) -> None:
    """After the flush, with ids assigned: one feed row per changed row and scope."""
    changed, gone = session.info.pop(_PENDING, ([], []))
    lookups = _Lookups(session)
    changes: list[dict[str, Any]] = []

    def add(place: Place, entity: str, data: list[Any] | None) -> None:
        scope, key = place
        op = "delete" if data is None else "upsert"
        changes.append({"scope": scope, "entity": entity, "key": key, "op": op, "data": data})

    touched: list[tuple[SQLModel, tuple[Place, ...]]] = [
        (obj, ()) for obj in session.new if type(obj) in SHAPES
    ]
    for obj, old in [*touched, *changed]:
        shape = SHAPES[type(obj)]
        values = {column.key: getattr(obj, column.key) for column in shape.table.columns}
        places = _places(shape, values, lookups)
        salt = lookups.salt_for(values["home_store_id"]) if shape.model is Member else None
        for left in old:
            if left not in places:
                add(left, shape.entity, None)
        if shape.model is Member and old and old != places:
            _move_coupons(session, values["id"], old[0][0], places[0][0], add)
        row = shape.row([values[name] for name in shape.sources], salt)
        for place in places:
            add(place, shape.entity, row)
    for entity, places in gone:
        for place in places:
            add(place, entity, None)
    if changes:
        session.connection().execute(insert(CHANGE_LOG), changes)


def _move_coupons(
    session: Session,
    member_id: int,
    old_scope: str,
    new_scope: str,
    add: Callable[[Place, str, list[Any] | None], None],
) -> None:
    """A member who changes home store takes their coupons to the new store's scope."""
    coupon = COUPON.table
    for values in session.connection().execute(
        select(*COUPON.source_columns()).where(coupon.c.member_id == member_id)
    ):
        key = str(values.id)
        add((old_scope, key), COUPON.entity, None)
        add((new_scope, key), COUPON.entity, COUPON.row(values))


event.listen(Session, "before_flush", _remember_old_places)
event.listen(Session, "after_flush", _record_changes)

# ----------------------------------------------------------------------------- positions


def _is_postgresql(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def _oldest_running_txid(session: Session) -> int:
    """PostgreSQL: every transaction with a smaller id has ended (committed or not)."""
    value: int = (
        session.connection()
        .execute(text("SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint"))
        .scalar_one()
    )
    return value


def feed_position(session: Session) -> Position:
    """The newest position nothing can appear at or behind any more.

    A snapshot remembers it before reading its first page and continues the
    feed from it; a cursor beyond it was issued by another database.
    """
    if _is_postgresql(session):
        return Position(_oldest_running_txid(session), 0)
    connection = session.connection()
    kept = connection.execute(select(func.max(CHANGE_LOG.c.id))).scalar_one()
    pruned = connection.execute(select(func.max(table_of(FeedHorizon).c.change_id))).scalar_one()
    return Position(0, max(kept or 0, pruned or 0))


def _horizons(session: Session, scopes: Collection[str]) -> dict[str, Position]:
    table = table_of(FeedHorizon)
    rows = session.connection().execute(
        select(table.c.scope, table.c.txid, table.c.change_id).where(table.c.scope.in_(scopes))
    )
    return {row.scope: Position(row.txid, row.change_id) for row in rows}


def _after(position: Position) -> Any:
    return tuple_(CHANGE_LOG.c.txid, CHANGE_LOG.c.id) > tuple_(
        literal(position.txid, BigInteger), literal(position.id, BigInteger)
    )


# ----------------------------------------------------------------------------- pulls


def read_changes(session: Session, scope: Scope, after: Position, limit: int) -> dict[str, Any]:
    """Up to `limit` changes of `scope` after `after`, the last state of each key only."""
    return read_changes_many(session, [(scope, after)], limit)[scope.name]


def read_changes_many(
    session: Session, asked: Sequence[tuple[Scope, Position]], limit: int
) -> dict[str, dict[str, Any]]:
    """A changes page per scope (name -> page), each up to `limit` changes after its position.

    Three statements however many scopes a tablet follows (it follows about
    fifteen, and asks again at every change near it): the feed position, the
    rows of every scope (one limited branch per scope, each an index range),
    then the horizons. The horizons are read after the rows: a prune that
    committed before the rows were read is then seen too, so a page with a
    pruned gap is never sent.
    """
    newest = feed_position(session)  # taken before the rows are read; see the module docstring
    answers: dict[str, dict[str, Any]] = {}
    live = [(scope, after) for scope, after in asked if not after > newest]
    answers.update({scope.name: RESYNC for scope, after in asked if after > newest})
    if not live:
        return answers
    params: dict[str, Any] = {"limit": limit + 1, "newest": newest.txid}
    for n, (scope, after) in enumerate(live):
        params.update({f"scope_{n}": scope.name, f"txid_{n}": after.txid, f"id_{n}": after.id})
    query = _changes_query(len(live), postgresql=_is_postgresql(session))
    rows_of: dict[str, list[Any]] = {scope.name: [] for scope, _ in live}
    for row in session.connection().execute(query, params):
        rows_of[row.scope].append(row)
    horizons = _horizons(session, list(rows_of))
    for scope, after in live:
        horizon = horizons.get(scope.name)
        if horizon is not None and after < horizon:
            answers[scope.name] = RESYNC
        else:
            rows = sorted(rows_of[scope.name], key=lambda r: (r.txid, r.id))
            answers[scope.name] = _changes_page(rows, after, limit)
    return answers


@functools.lru_cache(maxsize=64)
def _changes_query(branches: int, *, postgresql: bool) -> TextualSelect:
    """The rows of `branches` scopes after their positions, one limited index range each.

    Built once per number of scopes, as text: composing and keying a union of
    fifteen expressions cost more CPU than the rest of a pull.
    """
    served = " AND txid < :newest" if postgresql else ""  # see the module docstring
    # Only numbered parameters go into the text, never a value.
    sql = " UNION ALL ".join(
        f"SELECT * FROM (SELECT scope, entity, key, op, data, txid, id FROM change_log "  # noqa: S608
        f"WHERE scope = :scope_{n} AND (txid, id) > (:txid_{n}, :id_{n}){served} "
        f"ORDER BY txid, id LIMIT :limit) AS branch_{n}"
        for n in range(branches)
    )
    log = CHANGE_LOG.c
    return text(sql).columns(log.scope, log.entity, log.key, log.op, log.data, log.txid, log.id)


def _changes_page(rows: Sequence[Any], after: Position, limit: int) -> dict[str, Any]:
    page = rows[:limit]
    latest: dict[tuple[str, str], list[Any] | None] = {}
    for row in page:
        latest.pop((row.entity, row.key), None)
        latest[(row.entity, row.key)] = row.data if row.op == "upsert" else None
    upserts: dict[str, dict[str, Any]] = {}
    deletes: dict[str, list[str]] = {}
    for (entity, key), data in latest.items():
        if data is None:
            deletes.setdefault(entity, []).append(key)
        else:
            upserts.setdefault(entity, {"columns": COLUMNS[entity], "rows": []})["rows"].append(
                data
            )
    last = Position(page[-1].txid, page[-1].id) if page else after
    return {
        "kind": "changes",
        "upserts": upserts,
        "deletes": deletes,
        "cursor": encode_changes(last),
        "has_more": len(rows) > limit,
    }


# ----------------------------------------------------------------------------- pruning


def prune_feed(session: Session, older_than: datetime) -> int:
    """Delete changes recorded before `older_than` and raise each scope's horizon; commit.

    Each scope loses a prefix of its feed, up to its newest old change (and
    anything ordered before that), so that one horizon position describes
    what is gone. On PostgreSQL only changes of ended transactions count.
    Returns the number of rows deleted.
    """
    log = CHANGE_LOG
    old = log.c.at < older_than
    if _is_postgresql(session):
        old = old & (log.c.txid < literal(_oldest_running_txid(session), BigInteger))
    connection = session.connection()
    scopes = connection.execute(select(log.c.scope).where(old).distinct()).scalars().all()
    deleted = 0
    for scope in scopes:
        newest_old = connection.execute(
            select(log.c.txid, log.c.id)
            .where(log.c.scope == scope, old)
            .order_by(log.c.txid.desc(), log.c.id.desc())
            .limit(1)
        ).one()
        last = Position(newest_old.txid, newest_old.id)
        deleted += connection.execute(
            delete(log).where(log.c.scope == scope, ~_after(last))
        ).rowcount
        horizon = session.get(FeedHorizon, scope)
        if horizon is None:
            session.add(FeedHorizon(scope=scope, txid=last.txid, change_id=last.id))
        elif Position(horizon.txid, horizon.change_id) < last:
            horizon.txid, horizon.change_id = last
            horizon.pruned_at = utcnow()
    session.commit()
    return deleted
