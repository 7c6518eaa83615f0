"""Who may see which firm's rows on a server: the protected tables and PostgreSQL's policies.

Every table that holds a firm's data is named once, in :data:`PROTECTED_TABLES`.
``readiness team init`` (and ``team upgrade``) give each of them row-level
security with ``FORCE`` and one policy, derived from how the table reaches its
firm: the ``company`` table by its id, a table with a ``company_id`` column by
that, a table with an ``assessment_id`` column through the assessment (whose own
policy then decides). A table added later joins by adding its name here.

The policies ask two functions, both run with the owner role's rights so that
they can read the roster whatever the caller may see:

- ``readiness_is_admin()``: the session's login is a platform administrator
  (on the roster), or the person who set the database up;
- ``readiness_sees_company(id)``: an administrator, or the login was granted the
  company (consultants: their firms; a firm user: their own company).

Both ask ``session_user``, the login itself: ``SET ROLE`` cannot change it.
SQLite files have one user and none of this.
"""

from __future__ import annotations

from sqlalchemy import Connection, Table

from readiness.storage.tables import Company

# Every table that holds a firm's data. Add a table's name here to protect it.
PROTECTED_TABLES: tuple[str, ...] = (
    "company",
    "assessment",
    "targetmarket",
    "answer",
    "action",
    "assignment",
    "milestone",
    "exchange_rate",
    "answer_history",
)

# Kept for good: members add to them (the history triggers run as the member) and
# name who cleared an answer, but delete nothing; deleting an assessment still takes
# its history with it, as the foreign key's cascade is not a member's delete.
KEPT_FOR_GOOD: frozenset[str] = frozenset({"answer_history"})

# Shared by every firm (imported market facts, the database's identity, the schema
# version): readable by every member, not keyed to a firm; only administrators and
# consultants change the market facts.
SHARED_TABLES: tuple[str, ...] = ("market_fact", "databaseidentity", "alembic_version")

# The roster and the grants: read under their own policies, written only through
# the functions of readiness.storage.team (which check that the caller is an
# administrator).
ROSTER_TABLES: tuple[str, ...] = ("team_member", "company_access")

POLICY = "readiness_access"


def firm_key(table: Table) -> str:
    """The SQL condition that a row of ``table`` belongs to a firm the session may see.

    Raises:
        ValueError: the table has no way to its firm (then it cannot be protected).
    """
    if table.name == "company":
        return "readiness_sees_company(id)"
    if "company_id" in table.c:
        # Sub-selects, not a call per row: PostgreSQL runs each once per statement.
        return (
            "((SELECT readiness_is_admin()) OR company_id IN "
            "(SELECT granted.company_id FROM company_access AS granted "
            "WHERE granted.login = session_user))"
        )
    if "assessment_id" in table.c:
        # The assessment's own policy decides: a row is seen when its assessment is.
        return (
            f"EXISTS (SELECT 1 FROM assessment AS seen WHERE seen.id = {table.name}.assessment_id)"
        )
    raise ValueError(f"the table {table.name} has no company_id or assessment_id column")


def protected_tables() -> list[Table]:
    """The protected tables, as the models declare them."""
    return [Company.metadata.tables[name] for name in PROTECTED_TABLES]


def functions_sql(owner: str) -> list[str]:
    """The functions the policies call, owned by the role named ``owner`` (they read the
    roster with its rights, whatever the caller may see)."""
    owner_literal = owner.replace("'", "''")
    return [
        f"""
CREATE OR REPLACE FUNCTION readiness_is_admin() RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
  SELECT EXISTS (SELECT 1 FROM team_member WHERE login = session_user AND role = 'admin')
      OR pg_has_role(session_user, '{owner_literal}', 'MEMBER')
$fn$""",
        # VOLATILE: it must see the grant that creating a company records in the same
        # statement (a STABLE function would read the statement's earlier snapshot).
        """
CREATE OR REPLACE FUNCTION readiness_sees_company(company integer) RETURNS boolean
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
  SELECT readiness_is_admin() OR EXISTS (
    SELECT 1 FROM company_access WHERE login = session_user AND company_id = company)
$fn$""",
        # Whoever creates a company may see it: the grant is recorded before the row is
        # checked against the policy (the reference to it is checked at commit).
        """
CREATE OR REPLACE FUNCTION readiness_record_creator() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
BEGIN
  INSERT INTO company_access (login, company_id) VALUES (session_user, NEW.id)
    ON CONFLICT DO NOTHING;
  RETURN NEW;
END
$fn$""",
        # Who may be given a firm's questions: the members who may see that firm, by
        # their roster names; asked by someone who sees the firm, else nobody is named.
        """
CREATE OR REPLACE FUNCTION readiness_colleagues(company integer) RETURNS SETOF text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
  SELECT DISTINCT COALESCE(NULLIF(m.display_name, ''), m.login) FROM team_member m
  WHERE readiness_sees_company(company) AND (
    m.role = 'admin' OR m.company_id = company OR EXISTS (
      SELECT 1 FROM company_access a WHERE a.login = m.login AND a.company_id = company))
$fn$""",
        # Administrators and consultants add firms (and change the market facts every
        # firm shares); a firm user works on their own.
        """
CREATE OR REPLACE FUNCTION readiness_may_add_company() RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
  SELECT readiness_is_admin() OR EXISTS (
    SELECT 1 FROM team_member WHERE login = session_user AND role = 'consultant')
$fn$""",
    ]


def policies_sql(member: str) -> list[str]:
    """Row-level security, forced, on every protected table, and the rights of the members'
    group role ``member`` (a quoted identifier)."""
    statements: list[str] = []
    for table in protected_tables():
        name = table.name
        condition = firm_key(table)
        statements += [
            f"ALTER TABLE {name} ENABLE ROW LEVEL SECURITY",
            # FORCE: the owner role (and the functions running as it) is bound too.
            f"ALTER TABLE {name} FORCE ROW LEVEL SECURITY",
            f"DROP POLICY IF EXISTS {POLICY} ON {name}",
            f"DROP POLICY IF EXISTS {POLICY}_add ON {name}",
            f"DROP POLICY IF EXISTS {POLICY}_change ON {name}",
            f"DROP POLICY IF EXISTS {POLICY}_remove ON {name}",
        ]
        if name == "company":
            # Everyone keeps the profile of a firm they see up to date (a firm user their
            # own); administrators and consultants add firms.
            statements += [
                f"CREATE POLICY {POLICY} ON company FOR SELECT USING ({condition})",
                f"CREATE POLICY {POLICY}_change ON company FOR UPDATE USING ({condition}) "
                f"WITH CHECK ({condition})",
                f"CREATE POLICY {POLICY}_add ON company FOR INSERT "
                "WITH CHECK (readiness_may_add_company())",
                # Removing a firm (deleting it, or merging it into another) is the
                # administrators' alone.
                f"CREATE POLICY {POLICY}_remove ON company FOR DELETE USING (readiness_is_admin())",
                "DROP TRIGGER IF EXISTS readiness_record_creator ON company",
                "CREATE TRIGGER readiness_record_creator BEFORE INSERT ON company "
                "FOR EACH ROW EXECUTE FUNCTION readiness_record_creator()",
            ]
        else:
            statements.append(
                f"CREATE POLICY {POLICY} ON {name} FOR ALL USING ({condition}) "
                f"WITH CHECK ({condition})"
            )
        rights = (
            "SELECT, INSERT, UPDATE" if name in KEPT_FOR_GOOD else "SELECT, INSERT, UPDATE, DELETE"
        )
        statements.append(f"GRANT {rights} ON {name} TO {member}")
    for name in ("market_fact",):
        # Shared by every firm: everyone reads them, only administrators and consultants
        # change them (a firm user's import would change every firm's figures).
        statements += [
            f"ALTER TABLE {name} ENABLE ROW LEVEL SECURITY",
            f"ALTER TABLE {name} FORCE ROW LEVEL SECURITY",
            f"DROP POLICY IF EXISTS {POLICY} ON {name}",
            f"DROP POLICY IF EXISTS {POLICY}_read ON {name}",
            f"CREATE POLICY {POLICY}_read ON {name} FOR SELECT USING (true)",
            f"CREATE POLICY {POLICY} ON {name} FOR ALL USING (readiness_may_add_company()) "
            "WITH CHECK (readiness_may_add_company())",
            f"GRANT SELECT, INSERT, UPDATE, DELETE ON {name} TO {member}",
        ]
    for name in ("databaseidentity", "alembic_version"):
        statements.append(f"GRANT SELECT ON {name} TO {member}")
    for name in ROSTER_TABLES:
        statements += [
            f"ALTER TABLE {name} ENABLE ROW LEVEL SECURITY",
            f"DROP POLICY IF EXISTS {POLICY} ON {name}",
            # Everyone reads their own entry; administrators read them all.
            f"CREATE POLICY {POLICY} ON {name} FOR SELECT "
            "USING (login = session_user OR (SELECT readiness_is_admin()))",
            f"GRANT SELECT ON {name} TO {member}",
        ]
    statements += [
        f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {member}",
        "REVOKE ALL ON ALL FUNCTIONS IN SCHEMA public FROM PUBLIC",
        f"GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO {member}",
    ]
    return statements


def apply_policies(
    connection: Connection, *, owner: str, member: str, functions: list[str]
) -> None:
    """Create (or renew) the policies' functions, ``functions`` (more of them), the
    policies and the members' rights; run as the owner role named ``owner``, for the
    members' group role ``member`` (a quoted identifier)."""
    for statement in functions_sql(owner) + functions + policies_sql(member):
        # The driver reads % as a placeholder even without parameters (format's %I).
        connection.exec_driver_sql(statement.replace("%", "%%"))
