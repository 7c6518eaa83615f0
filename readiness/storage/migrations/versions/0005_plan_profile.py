"""plan and profile: the company facts the plan reads, the user's own figures per action,
the budget's currency and the dated exchange rates it is converted at

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Existing companies start with an empty profile: nothing set means every
    # question is asked, as before.
    with op.batch_alter_table("company") as batch:
        batch.add_column(sa.Column("employees", sa.Integer(), nullable=True))
        for name in ("export_channels", "product_types", "certificates"):
            batch.add_column(sa.Column(name, sa.JSON(), nullable=False, server_default="[]"))
        batch.add_column(
            sa.Column("other_certificates", sa.String(), nullable=False, server_default="")
        )
    with op.batch_alter_table("assessment") as batch:
        batch.add_column(
            sa.Column("budget_currency", sa.String(), nullable=False, server_default="CNY")
        )
        batch.create_check_constraint(
            "assessment_budget_currency", "budget_currency IN ('CNY', 'EUR', 'USD')"
        )
    # Every figure None: the plan's own figure applies, as it did until now.
    with op.batch_alter_table("action") as batch:
        batch.add_column(sa.Column("start_date", sa.Date(), nullable=True))
        batch.add_column(sa.Column("effort_min", sa.Float(), nullable=True))
        batch.add_column(sa.Column("effort_max", sa.Float(), nullable=True))
        batch.add_column(sa.Column("cost_min", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("cost_max", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("cost_currency", sa.String(), nullable=True))
        batch.add_column(sa.Column("cost_basis", sa.String(), nullable=True))
        batch.create_check_constraint(
            "action_cost_currency",
            "cost_currency IS NULL OR cost_currency IN ('CNY', 'EUR', 'USD')",
        )
        batch.create_check_constraint(
            "action_cost_basis", "cost_basis IS NULL OR cost_basis IN ('one_off', 'yearly')"
        )
    op.create_table(
        "exchange_rate",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("assessment_id", sa.Integer(), nullable=False),
        sa.Column("currency", sa.String(), nullable=False),
        sa.Column("cny_per_unit", sa.Float(), nullable=False),
        sa.Column("as_of", sa.Date(), nullable=False),
        sa.CheckConstraint("currency IN ('EUR', 'USD')", name="exchange_rate_currency"),
        sa.CheckConstraint("cny_per_unit > 0", name="exchange_rate_positive"),
        sa.ForeignKeyConstraint(["assessment_id"], ["assessment.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("assessment_id", "currency"),
    )
    with op.batch_alter_table("exchange_rate") as batch:
        batch.create_index(
            batch.f("ix_exchange_rate_assessment_id"), ["assessment_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("exchange_rate") as batch:
        batch.drop_index(batch.f("ix_exchange_rate_assessment_id"))
    op.drop_table("exchange_rate")
    with op.batch_alter_table("action") as batch:
        batch.drop_constraint("action_cost_basis", type_="check")
        batch.drop_constraint("action_cost_currency", type_="check")
        for name in (
            "cost_basis",
            "cost_currency",
            "cost_max",
            "cost_min",
            "effort_max",
            "effort_min",
            "start_date",
        ):
            batch.drop_column(name)
    with op.batch_alter_table("assessment") as batch:
        batch.drop_constraint("assessment_budget_currency", type_="check")
        batch.drop_column("budget_currency")
    with op.batch_alter_table("company") as batch:
        for name in (
            "other_certificates",
            "certificates",
            "product_types",
            "export_channels",
            "employees",
        ):
            batch.drop_column(name)
