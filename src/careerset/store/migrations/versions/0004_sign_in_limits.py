"""Sign-in limits per email and client address, claimed before a password is checked.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sign_in_limits",
        sa.Column("key", sa.String(64), nullable=False),
        sa.Column("email_key", sa.String(64), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("reset_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("key", name="pk_sign_in_limits"),
    )
    op.create_index("ix_sign_in_limits_email_key", "sign_in_limits", ["email_key"])


def downgrade() -> None:
    op.drop_index("ix_sign_in_limits_email_key", table_name="sign_in_limits")
    op.drop_table("sign_in_limits")
