"""answer catalog version: the content version each answer was given against

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("answer") as batch:
        batch.add_column(sa.Column("catalog_version", sa.String(), nullable=True))
    # Until now an answer was given against its assessment's version.
    op.execute(
        "UPDATE answer SET catalog_version = (SELECT assessment.catalog_version "
        "FROM assessment WHERE assessment.id = answer.assessment_id)"
    )


def downgrade() -> None:
    with op.batch_alter_table("answer") as batch:
        batch.drop_column("catalog_version")
