"""payment intents: QR content, provider reference, refund flag, update time

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25 21:55:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("payment", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("qr_content", sa.String(length=512), nullable=False, server_default="")
        )
        batch_op.add_column(sa.Column("provider_ref", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("failure_reason", sa.String(length=200), nullable=True))
        batch_op.add_column(
            sa.Column("needs_refund", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch_op.add_column(
            sa.Column(
                "updated_at",
                sa.DateTime(timezone=True),
                nullable=False,
                server_default=sa.func.current_timestamp(),
            )
        )
        batch_op.create_index(batch_op.f("ix_payment_updated_at"), ["updated_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("payment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_payment_updated_at"))
        for column in (
            "updated_at",
            "needs_refund",
            "failure_reason",
            "provider_ref",
            "qr_content",
        ):
            batch_op.drop_column(column)
