"""market facts: the user's attractiveness weights per assessment, a custom market's
Chinese name, and the market facts a user imported

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Existing assessments keep the default weights (an empty map), and custom
    # markets have no Chinese name yet (shown in their own name until given one).
    with op.batch_alter_table("assessment") as batch:
        batch.add_column(
            sa.Column("attractiveness_weights", sa.JSON(), nullable=False, server_default="{}")
        )
    with op.batch_alter_table("targetmarket") as batch:
        batch.add_column(sa.Column("custom_name_zh", sa.String(), nullable=True))
    op.create_table(
        "market_fact",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("market", sa.String(), nullable=False),
        sa.Column("fact", sa.String(), nullable=False),
        sa.Column("qualifier", sa.String(), nullable=False),
        sa.Column("value", sa.String(), nullable=False),
        sa.Column("unit", sa.String(), nullable=False),
        sa.Column("source_title", sa.String(), nullable=False),
        sa.Column("source_publisher", sa.String(), nullable=False),
        sa.Column("source_reference", sa.String(), nullable=False),
        sa.Column("as_of", sa.Date(), nullable=False),
        sa.Column("note", sa.String(), nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("market", "fact", "qualifier"),
    )


def downgrade() -> None:
    op.drop_table("market_fact")
    with op.batch_alter_table("targetmarket") as batch:
        batch.drop_column("custom_name_zh")
    with op.batch_alter_table("assessment") as batch:
        batch.drop_column("attractiveness_weights")
