"""reservations, transfers, lost demand; split rules and ledger, referral codes; order attribution

Existing orders are store sales (`channel` 'store') whose lines came off
their own store's shelf (`fulfilment` 'here').

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02 09:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "reservation",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("from_store_id", sa.Integer(), sa.ForeignKey("store.id"), nullable=False),
        sa.Column("at_store_id", sa.Integer(), sa.ForeignKey("store.id"), nullable=False),
        sa.Column("variant_id", sa.Integer(), sa.ForeignKey("variant.id"), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("customer_name", sa.String(length=80), nullable=False),
        sa.Column("customer_phone_last4", sa.String(length=4), nullable=False),
        sa.Column("member_id", sa.Integer(), sa.ForeignKey("member.id"), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.Integer(), sa.ForeignKey("user.id"), nullable=False),
        sa.Column("created_by_name", sa.String(length=120), nullable=False),
        sa.Column("answered_by", sa.Integer(), sa.ForeignKey("user.id"), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_reservation_from_store_id", "reservation", ["from_store_id"])
    op.create_index("ix_reservation_at_store_id", "reservation", ["at_store_id"])
    op.create_index("ix_reservation_variant_id", "reservation", ["variant_id"])
    op.create_index("ix_reservation_held", "reservation", ["at_store_id", "variant_id", "status"])
    op.create_index("ix_reservation_due", "reservation", ["status", "expires_at"])

    op.create_table(
        "transfer",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("from_store_id", sa.Integer(), sa.ForeignKey("store.id"), nullable=False),
        sa.Column("to_store_id", sa.Integer(), sa.ForeignKey("store.id"), nullable=False),
        sa.Column("variant_id", sa.Integer(), sa.ForeignKey("variant.id"), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.Column("order_id", sa.String(length=36), nullable=True),
        sa.Column("ship_to_name", sa.String(length=80), nullable=False),
        sa.Column("ship_to_phone", sa.String(length=20), nullable=False),
        sa.Column("ship_to_address", sa.String(length=300), nullable=False),
        sa.Column("created_by", sa.Integer(), sa.ForeignKey("user.id"), nullable=False),
        sa.Column("created_by_name", sa.String(length=120), nullable=False),
        sa.Column("answered_by", sa.Integer(), sa.ForeignKey("user.id"), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("shipped_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_transfer_from_store_id", "transfer", ["from_store_id"])
    op.create_index("ix_transfer_to_store_id", "transfer", ["to_store_id"])
    op.create_index("ix_transfer_variant_id", "transfer", ["variant_id"])
    op.create_index("ix_transfer_order_id", "transfer", ["order_id"])
    op.create_index("ix_transfer_held", "transfer", ["from_store_id", "variant_id", "status"])

    op.create_table(
        "lost_demand",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("store_id", sa.Integer(), sa.ForeignKey("store.id"), nullable=False),
        sa.Column("style_id", sa.Integer(), sa.ForeignKey("style.id"), nullable=False),
        sa.Column("size", sa.String(length=8), nullable=False),
        sa.Column("variant_id", sa.Integer(), sa.ForeignKey("variant.id"), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("guide_id", sa.Integer(), sa.ForeignKey("user.id"), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("reference", sa.String(length=36), nullable=True),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_lost_demand_style_id", "lost_demand", ["style_id"])
    op.create_index("ix_lost_demand_store_at", "lost_demand", ["store_id", "at"])

    op.create_table(
        "split_rule",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("brand_id", sa.Integer(), sa.ForeignKey("brand.id"), nullable=True),
        sa.Column("store_id", sa.Integer(), sa.ForeignKey("store.id"), nullable=True),
        sa.Column("parties", sa.JSON(), nullable=False),
        sa.Column("active_from", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.Integer(), sa.ForeignKey("user.id"), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_split_rule_brand_id", "split_rule", ["brand_id"])
    op.create_index("ix_split_rule_store_id", "split_rule", ["store_id"])

    op.create_table(
        "split_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "order_id", sa.String(length=36), sa.ForeignKey("sales_order.id"), nullable=False
        ),
        sa.Column("store_id", sa.Integer(), sa.ForeignKey("store.id"), nullable=False),
        sa.Column("party", sa.String(length=16), nullable=False),
        sa.Column("party_id", sa.Integer(), nullable=True),
        sa.Column("amount", sa.Integer(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("key", sa.String(length=96), nullable=False),
        sa.Column("rule_id", sa.Integer(), sa.ForeignKey("split_rule.id"), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("key"),
    )
    op.create_index("ix_split_entry_order_id", "split_entry", ["order_id"])
    op.create_index("ix_split_entry_store_id", "split_entry", ["store_id"])
    op.create_index("ix_split_entry_party_at", "split_entry", ["party", "party_id", "at"])

    op.create_table(
        "referral_code",
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("user.id"), nullable=False),
        sa.Column("code", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("user_id"),
        sa.UniqueConstraint("code"),
    )

    op.add_column(
        "sales_order",
        sa.Column("channel", sa.String(length=16), nullable=False, server_default="store"),
    )
    _add_reference("sales_order", "referral_guide_id", "user")
    op.add_column(
        "order_line",
        sa.Column("fulfilment", sa.String(length=16), nullable=False, server_default="here"),
    )
    _add_reference("order_line", "from_store_id", "store")


def _add_reference(table: str, column: str, target: str) -> None:
    """A nullable id column referring to `target`, added in place on every backend.

    Alembic adds a foreign key on SQLite by copying the table, and dropping the
    old sales_order, which lines and payments refer to, breaks their keys; SQLite
    adds a column with an inline REFERENCES clause in place instead.
    """
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f'ALTER TABLE {table} ADD COLUMN {column} INTEGER REFERENCES "{target}" (id)')
        return
    op.add_column(table, sa.Column(column, sa.Integer(), nullable=True))
    op.create_foreign_key(f"fk_{table}_{column}_{target}", table, target, [column], ["id"])


def downgrade() -> None:
    with op.batch_alter_table("order_line") as batch_op:
        batch_op.drop_column("from_store_id")
        batch_op.drop_column("fulfilment")
    with op.batch_alter_table("sales_order") as batch_op:
        batch_op.drop_column("referral_guide_id")
        batch_op.drop_column("channel")
    op.drop_table("referral_code")
    op.drop_index("ix_split_entry_party_at", table_name="split_entry")
    op.drop_index("ix_split_entry_store_id", table_name="split_entry")
    op.drop_index("ix_split_entry_order_id", table_name="split_entry")
    op.drop_table("split_entry")
    op.drop_index("ix_split_rule_store_id", table_name="split_rule")
    op.drop_index("ix_split_rule_brand_id", table_name="split_rule")
    op.drop_table("split_rule")
    op.drop_index("ix_lost_demand_store_at", table_name="lost_demand")
    op.drop_index("ix_lost_demand_style_id", table_name="lost_demand")
    op.drop_table("lost_demand")
    op.drop_index("ix_transfer_held", table_name="transfer")
    op.drop_index("ix_transfer_order_id", table_name="transfer")
    op.drop_index("ix_transfer_variant_id", table_name="transfer")
    op.drop_index("ix_transfer_to_store_id", table_name="transfer")
    op.drop_index("ix_transfer_from_store_id", table_name="transfer")
    op.drop_table("transfer")
    op.drop_index("ix_reservation_due", table_name="reservation")
    op.drop_index("ix_reservation_held", table_name="reservation")
    op.drop_index("ix_reservation_variant_id", table_name="reservation")
    op.drop_index("ix_reservation_at_store_id", table_name="reservation")
    op.drop_index("ix_reservation_from_store_id", table_name="reservation")
    op.drop_table("reservation")
