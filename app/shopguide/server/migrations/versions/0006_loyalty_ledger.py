"""points ledger, coupon redemptions, spent presence proofs; lifetime points and pass version

Existing members keep their balance as an opening ledger entry, and their
lifetime points start at their balance or their tier's threshold, whichever
is higher (the thresholds are written out here, as they were when this
migration was made: classic 0, silver 2,000, gold 8,000, platinum 20,000).

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-27 09:00:00
"""

from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "member",
        sa.Column("lifetime_points", sa.Integer(), nullable=False, server_default="0"),
    )
    op.add_column(
        "member", sa.Column("pass_version", sa.Integer(), nullable=False, server_default="0")
    )
    op.create_table(
        "points_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), sa.ForeignKey("member.id"), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("points", sa.Integer(), nullable=False),
        sa.Column("balance_after", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("order_id", sa.String(length=36), nullable=True),
        sa.Column("store_id", sa.Integer(), sa.ForeignKey("store.id"), nullable=True),
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("user.id"), nullable=True),
        sa.Column("note", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("key"),
    )
    op.create_index("ix_points_entry_member_id", "points_entry", ["member_id"])
    op.create_index("ix_points_entry_order_id", "points_entry", ["order_id"])
    op.create_table(
        "coupon_redemption",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("coupon_id", sa.Integer(), sa.ForeignKey("coupon.id"), nullable=False),
        sa.Column("live_coupon_id", sa.Integer(), nullable=True),
        sa.Column("member_id", sa.Integer(), sa.ForeignKey("member.id"), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("order_id", sa.String(length=36), nullable=True),
        sa.Column("store_id", sa.Integer(), sa.ForeignKey("store.id"), nullable=True),
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("user.id"), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("released_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("live_coupon_id"),
        sa.UniqueConstraint("key"),
    )
    op.create_index("ix_coupon_redemption_coupon_id", "coupon_redemption", ["coupon_id"])
    op.create_index("ix_coupon_redemption_member_id", "coupon_redemption", ["member_id"])
    op.create_index("ix_coupon_redemption_order_id", "coupon_redemption", ["order_id"])
    op.create_table(
        "member_proof",
        sa.Column("proof", sa.String(length=64), nullable=False),
        sa.Column("member_id", sa.Integer(), sa.ForeignKey("member.id"), nullable=False),
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("user.id"), nullable=True),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("proof"),
    )
    op.create_index("ix_member_proof_member_id", "member_proof", ["member_id"])

    op.execute(
        "UPDATE member SET lifetime_points = CASE "
        "WHEN tier = 'platinum' AND points < 20000 THEN 20000 "
        "WHEN tier = 'gold' AND points < 8000 THEN 8000 "
        "WHEN tier = 'silver' AND points < 2000 THEN 2000 "
        "ELSE points END"
    )
    op.get_bind().execute(
        sa.text(
            "INSERT INTO points_entry "
            "(member_id, kind, points, balance_after, key, note, created_at) "
            "SELECT id, 'adjust', points, points, 'opening:' || id, "
            "'balance before the ledger', :now FROM member WHERE points <> 0"
        ).bindparams(sa.bindparam("now", type_=sa.DateTime(timezone=True))),
        {"now": datetime.now(UTC)},
    )


def downgrade() -> None:
    op.drop_index("ix_member_proof_member_id", table_name="member_proof")
    op.drop_table("member_proof")
    op.drop_index("ix_coupon_redemption_order_id", table_name="coupon_redemption")
    op.drop_index("ix_coupon_redemption_member_id", table_name="coupon_redemption")
    op.drop_index("ix_coupon_redemption_coupon_id", table_name="coupon_redemption")
    op.drop_table("coupon_redemption")
    op.drop_index("ix_points_entry_order_id", table_name="points_entry")
    op.drop_index("ix_points_entry_member_id", table_name="points_entry")
    op.drop_table("points_entry")
    with op.batch_alter_table("member") as batch_op:
        batch_op.drop_column("pass_version")
        batch_op.drop_column("lifetime_points")
