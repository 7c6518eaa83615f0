"""assessment lineage: the assessment a re-assessment follows, and each assessment's
exchange identity (the same assessment arriving again is recognised on import)

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07
"""

import uuid
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("assessment") as batch:
        batch.add_column(sa.Column("previous_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("exchange_id", sa.String(), nullable=True))
        batch.create_foreign_key(
            "fk_assessment_previous_id",
            "assessment",
            ["previous_id"],
            ["id"],
            ondelete="SET NULL",
        )
    # Every existing assessment gets an identity of its own: none was ever exported
    # with one, so none can be mistaken for another.
    connection = op.get_bind()
    table = sa.table("assessment", sa.column("id", sa.Integer), sa.column("exchange_id"))
    for (key,) in connection.execute(sa.select(table.c.id)).all():
        connection.execute(
            table.update().where(table.c.id == key).values(exchange_id=uuid.uuid4().hex)
        )
    with op.batch_alter_table("assessment") as batch:
        batch.alter_column("exchange_id", existing_type=sa.String(), nullable=False)
        batch.create_index("ix_assessment_exchange_id", ["exchange_id"])


def downgrade() -> None:
    with op.batch_alter_table("assessment") as batch:
        batch.drop_index("ix_assessment_exchange_id")
        batch.drop_constraint("fk_assessment_previous_id", type_="foreignkey")
        batch.drop_column("exchange_id")
        batch.drop_column("previous_id")
