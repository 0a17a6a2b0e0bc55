"""sync feed: change_log, feed_horizon, applied_mutation, brand.phone_salt

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 20:37:05.634053

`change_log.txid` defaults, per dialect, to the writing transaction's id on
PostgreSQL and to 0 on SQLite (writers are serialised there, so the
auto-increment id alone follows commit order). The model only marks the
column as server-filled, so the test that compares migrations with models
does not see the per-dialect SQL.

Existing brands get a random phone salt each; new ones get theirs from the
model's default.
"""

import secrets
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _txid_default() -> sa.TextClause:
    if op.get_bind().dialect.name == "postgresql":
        return sa.text("(pg_current_xact_id()::text::bigint)")
    return sa.text("0")


def upgrade() -> None:
    op.create_table(
        "change_log",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("txid", sa.BigInteger(), server_default=_txid_default(), nullable=False),
        sa.Column("scope", sa.String(length=40), nullable=False),
        sa.Column("entity", sa.String(length=16), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("op", sa.String(length=8), nullable=False),
        sa.Column("data", sa.JSON(), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("change_log", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_change_log_at"), ["at"], unique=False)
        batch_op.create_index("ix_change_log_scope_position", ["scope", "txid", "id"], unique=False)

    op.create_table(
        "feed_horizon",
        sa.Column("scope", sa.String(length=40), nullable=False),
        sa.Column("txid", sa.BigInteger(), nullable=False),
        sa.Column("change_id", sa.BigInteger(), nullable=False),
        sa.Column("pruned_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("scope"),
    )
    op.create_table(
        "applied_mutation",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("type", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("result", sa.JSON(), nullable=True),
        sa.Column("reason", sa.String(length=500), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["user.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("applied_mutation", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_applied_mutation_user_id"), ["user_id"], unique=False)

    with op.batch_alter_table("brand", schema=None) as batch_op:
        batch_op.add_column(sa.Column("phone_salt", sa.String(length=64), nullable=True))
    brand = sa.table("brand", sa.column("id", sa.Integer()), sa.column("phone_salt", sa.String()))
    connection = op.get_bind()
    for (brand_id,) in connection.execute(sa.select(brand.c.id)).all():
        connection.execute(
            brand.update().where(brand.c.id == brand_id).values(phone_salt=secrets.token_hex(16))
        )
    with op.batch_alter_table("brand", schema=None) as batch_op:
        batch_op.alter_column("phone_salt", existing_type=sa.String(length=64), nullable=False)


def downgrade() -> None:
    with op.batch_alter_table("brand", schema=None) as batch_op:
        batch_op.drop_column("phone_salt")

    with op.batch_alter_table("applied_mutation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_applied_mutation_user_id"))

    op.drop_table("applied_mutation")
    op.drop_table("feed_horizon")
    with op.batch_alter_table("change_log", schema=None) as batch_op:
        batch_op.drop_index("ix_change_log_scope_position")
        batch_op.drop_index(batch_op.f("ix_change_log_at"))

    op.drop_table("change_log")
