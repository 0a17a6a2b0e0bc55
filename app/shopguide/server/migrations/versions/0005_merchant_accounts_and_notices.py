"""merchant accounts per store and provider; every payment notification received

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25 23:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "merchant_account",
        sa.Column("store_id", sa.Integer(), sa.ForeignKey("store.id"), nullable=False),
        sa.Column("provider", sa.String(length=16), nullable=False),
        sa.Column("network_id", sa.String(length=32), nullable=False),
        sa.Column("merchant_id", sa.String(length=64), nullable=False),
        sa.Column("merchant_name", sa.String(length=25), nullable=False),
        sa.Column("merchant_city", sa.String(length=15), nullable=False),
        sa.Column("category_code", sa.String(length=4), nullable=False),
        sa.Column("country", sa.String(length=2), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.PrimaryKeyConstraint("store_id", "provider"),
    )
    op.create_table(
        "payment_notice",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("provider", sa.String(length=16), nullable=False),
        sa.Column("reference", sa.String(length=64), nullable=False),
        sa.Column("provider_ref", sa.String(length=64), nullable=False),
        sa.Column("outcome", sa.String(length=16), nullable=False),
        sa.Column("amount", sa.Integer(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.Column("payment_id", sa.Integer(), sa.ForeignKey("payment.id"), nullable=True),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("provider", "provider_ref", "outcome"),
    )
    op.create_index("ix_payment_notice_reference", "payment_notice", ["reference"])
    op.create_index("ix_payment_notice_payment_id", "payment_notice", ["payment_id"])


def downgrade() -> None:
    op.drop_index("ix_payment_notice_payment_id", table_name="payment_notice")
    op.drop_index("ix_payment_notice_reference", table_name="payment_notice")
    op.drop_table("payment_notice")
    op.drop_table("merchant_account")
