"""team access: the roster of team members (login, display name, role) and which login may
see which company; on a server `readiness team init` binds every firm's rows to it

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-08
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "team_member",
        sa.Column("login", sa.String(), nullable=False),
        sa.Column("display_name", sa.String(), nullable=False),
        sa.Column("role", sa.String(), nullable=False),
        sa.Column("company_id", sa.Integer(), nullable=True),
        sa.CheckConstraint("role IN ('admin', 'consultant', 'firm')", name="team_member_role"),
        sa.ForeignKeyConstraint(
            ["company_id"], ["company.id"], ondelete="SET NULL", name="fk_team_member_company"
        ),
        sa.PrimaryKeyConstraint("login"),
    )
    op.create_table(
        "company_access",
        sa.Column("login", sa.String(), nullable=False),
        sa.Column("company_id", sa.Integer(), nullable=False),
        # Checked at commit: creating a company records its creator's access in the
        # same statement, before the company row itself exists.
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["company.id"],
            ondelete="CASCADE",
            name="fk_company_access_company",
            deferrable=True,
            initially="DEFERRED",
        ),
        sa.PrimaryKeyConstraint("login", "company_id"),
    )


def downgrade() -> None:
    op.drop_table("company_access")
    op.drop_table("team_member")
