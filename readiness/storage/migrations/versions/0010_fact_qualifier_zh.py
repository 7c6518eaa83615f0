"""market facts: the qualifier in Chinese, so a Chinese report names a port or a firm in Chinese

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-08
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Facts imported before have no Chinese qualifier: they show the one they were given.
    with op.batch_alter_table("market_fact") as batch:
        batch.add_column(sa.Column("qualifier_zh", sa.String(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("market_fact") as batch:
        batch.drop_column("qualifier_zh")
