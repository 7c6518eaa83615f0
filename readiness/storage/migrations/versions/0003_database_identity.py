"""database identity: a random name per database, for the files kept beside it

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02
"""

import uuid
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    table = op.create_table(
        "databaseidentity",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("identity", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    # Each database gets its own: an upgraded one as much as a new one.
    op.bulk_insert(table, [{"id": 1, "identity": uuid.uuid4().hex}])


def downgrade() -> None:
    op.drop_table("databaseidentity")
