"""answer history and a register of member firms: every change of an answer or an
action kept with who, when and the state before and after; each company's exchange
identity and when it was archived

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-08
"""

import uuid
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The state each kind of row keeps in its history, in the order shown.
ANSWER_STATE = ("value", "note", "evidence")
ACTION_STATE = (
    "owner",
    "due_date",
    "status",
    "note",
    "start_date",
    "effort_min",
    "effort_max",
    "cost_min",
    "cost_max",
    "cost_currency",
    "cost_basis",
)
# What a server's trigger leaves out of a row's state (the key and the stamp).
HIDDEN = (
    "id",
    "assessment_id",
    "item_id",
    "market_code",
    "updated_at",
    "updated_by",
    "version",
    "catalog_version",
)


def _sqlite_state(row: str, columns: Sequence[str]) -> str:
    parts = []
    for name in columns:
        value = f"{row}.{name}"
        if name == "evidence":
            value = f"CASE WHEN json_valid({value}) THEN json({value}) ELSE json_array() END"
        parts.append(f"'{name}', {value}")
    return f"json_object({', '.join(parts)})"


def _sqlite_triggers(table: str, columns: Sequence[str]) -> list[str]:
    insert = (
        "INSERT INTO answer_history (assessment_id, record, item_id, market_code, change, "
        "changed_at, changed_by, version, before, after) VALUES "
    )
    new, old = _sqlite_state("NEW", columns), _sqlite_state("OLD", columns)
    # A row deleted with its assessment leaves no entry: the history goes with it.
    return [
        f"CREATE TRIGGER {table}_history_insert AFTER INSERT ON {table} BEGIN {insert}"
        f"(NEW.assessment_id, '{table}', NEW.item_id, NEW.market_code, 'set', NEW.updated_at, "
        f"NEW.updated_by, NEW.version, NULL, {new}); END",
        f"CREATE TRIGGER {table}_history_update AFTER UPDATE ON {table} BEGIN {insert}"
        f"(NEW.assessment_id, '{table}', NEW.item_id, NEW.market_code, 'set', NEW.updated_at, "
        f"NEW.updated_by, NEW.version, {old}, {new}); END",
        f"CREATE TRIGGER {table}_history_delete AFTER DELETE ON {table} "
        "WHEN EXISTS (SELECT 1 FROM assessment WHERE id = OLD.assessment_id) BEGIN "
        f"{insert}(OLD.assessment_id, '{table}', OLD.item_id, OLD.market_code, 'cleared', "
        "strftime('%Y-%m-%d %H:%M:%f', 'now') || '000', '', OLD.version, "
        f"{old}, NULL); END",
    ]


def _postgresql_statements() -> list[str]:
    hidden = ", ".join(f"'{name}'" for name in HIDDEN)
    insert = (
        "INSERT INTO answer_history (assessment_id, record, item_id, market_code, change, "
        "changed_at, changed_by, version, before, after) VALUES "
    )
    function = f"""
CREATE FUNCTION readiness_record_history() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    hidden text[] := ARRAY[{hidden}];
BEGIN
    IF TG_OP = 'INSERT' THEN
        {insert}(NEW.assessment_id, TG_ARGV[0], NEW.item_id, NEW.market_code, 'set',
            NEW.updated_at, NEW.updated_by, NEW.version, NULL, (to_jsonb(NEW) - hidden)::json);
        RETURN NEW;
    ELSIF TG_OP = 'UPDATE' THEN
        {insert}(NEW.assessment_id, TG_ARGV[0], NEW.item_id, NEW.market_code, 'set',
            NEW.updated_at, NEW.updated_by, NEW.version, (to_jsonb(OLD) - hidden)::json,
            (to_jsonb(NEW) - hidden)::json);
        RETURN NEW;
    END IF;
    -- A row deleted with its assessment leaves no entry: the history goes with it.
    IF EXISTS (SELECT 1 FROM assessment WHERE id = OLD.assessment_id) THEN
        {insert}(OLD.assessment_id, TG_ARGV[0], OLD.item_id, OLD.market_code, 'cleared',
            now(), '', OLD.version, (to_jsonb(OLD) - hidden)::json, NULL);
    END IF;
    RETURN OLD;
END
$$"""
    return [
        function,
        "CREATE TRIGGER answer_history_record AFTER INSERT OR UPDATE OR DELETE ON answer "
        "FOR EACH ROW EXECUTE FUNCTION readiness_record_history('answer')",
        "CREATE TRIGGER action_history_record AFTER INSERT OR UPDATE OR DELETE ON action "
        "FOR EACH ROW EXECUTE FUNCTION readiness_record_history('action')",
    ]


def upgrade() -> None:
    op.create_table(
        "answer_history",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("assessment_id", sa.Integer(), nullable=False),
        sa.Column("record", sa.String(), nullable=False),
        sa.Column("item_id", sa.String(), nullable=False),
        sa.Column("market_code", sa.String(), nullable=False),
        sa.Column("change", sa.String(), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("changed_by", sa.String(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("before", sa.JSON(), nullable=True),
        sa.Column("after", sa.JSON(), nullable=True),
        sa.CheckConstraint("record IN ('answer', 'action')", name="answer_history_record"),
        sa.CheckConstraint("change IN ('set', 'cleared')", name="answer_history_change"),
        sa.ForeignKeyConstraint(["assessment_id"], ["assessment.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_answer_history_assessment_id", "answer_history", ["assessment_id"])
    op.create_index(
        "ix_answer_history_item",
        "answer_history",
        ["assessment_id", "record", "item_id", "market_code"],
    )
    if op.get_bind().dialect.name == "postgresql":
        statements = _postgresql_statements()
    else:
        statements = _sqlite_triggers("answer", ANSWER_STATE) + _sqlite_triggers(
            "action", ACTION_STATE
        )
    for statement in statements:
        op.execute(statement)

    with op.batch_alter_table("company") as batch:
        batch.add_column(sa.Column("exchange_id", sa.String(), nullable=True))
        batch.add_column(sa.Column("archived_at", sa.DateTime(timezone=True), nullable=True))
    # Every existing company gets an identity of its own: none was ever exported
    # with one, so none can be mistaken for another.
    connection = op.get_bind()
    table = sa.table("company", sa.column("id", sa.Integer), sa.column("exchange_id"))
    for (key,) in connection.execute(sa.select(table.c.id)).all():
        connection.execute(
            table.update().where(table.c.id == key).values(exchange_id=uuid.uuid4().hex)
        )
    with op.batch_alter_table("company") as batch:
        batch.alter_column("exchange_id", existing_type=sa.String(), nullable=False)
        batch.create_index("ix_company_exchange_id", ["exchange_id"])


def downgrade() -> None:
    with op.batch_alter_table("company") as batch:
        batch.drop_index("ix_company_exchange_id")
        batch.drop_column("archived_at")
        batch.drop_column("exchange_id")
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER action_history_record ON action")
        op.execute("DROP TRIGGER answer_history_record ON answer")
        op.execute("DROP FUNCTION readiness_record_history()")
    else:
        for table in ("answer", "action"):
            for event in ("insert", "update", "delete"):
                op.execute(f"DROP TRIGGER {table}_history_{event}")
    op.drop_index("ix_answer_history_item", table_name="answer_history")
    op.drop_index("ix_answer_history_assessment_id", table_name="answer_history")
    op.drop_table("answer_history")
