"""The clinic database: clinics of a group, their desks, staff, the desks' shipped records, and
who may read or write which rows (row-level security).

Revision ID: 0001
Revises:
"""

from alembic import op

from kiosk.journal.shipped import SHIPPED

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

ROLES = ("kiosk_desk", "kiosk_manager", "kiosk_group_finance")
READERS = "kiosk_manager, kiosk_group_finance"


def _roles() -> None:
    # Roles belong to the server, not to one database: a second clinic database on the same
    # server shares them (each database's logins table says who is who in it).
    for role in ROLES:
        op.execute(
            f"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{role}') THEN"
            f" CREATE ROLE {role} NOLOGIN; END IF; END $$"
        )


def _who_is_who() -> None:
    op.execute(
        """CREATE TABLE clinics (
            clinic_id text PRIMARY KEY CHECK (clinic_id ~ '^[A-Za-z0-9_-]{1,32}$'),
            group_id text NOT NULL CHECK (group_id ~ '^[A-Za-z0-9_-]{1,32}$'),
            name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200)
        )"""
    )
    op.execute(
        """CREATE TABLE desks (
            desk_id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            clinic_id text NOT NULL REFERENCES clinics,
            name text NOT NULL CHECK (length(name) BETWEEN 1 AND 64),
            role_name text NOT NULL UNIQUE,
            shipped_seq bigint NOT NULL DEFAULT 0,
            shipped_at timestamptz,
            journal_id text CHECK (journal_id ~ '^[0-9a-f]{32}$'),
            UNIQUE (clinic_id, name)
        )"""
    )
    op.execute(
        """CREATE TABLE logins (
            role_name text PRIMARY KEY,
            kind text NOT NULL CHECK (kind IN ('desk', 'manager', 'group-finance')),
            group_id text,
            clinic_id text REFERENCES clinics,
            desk_id integer REFERENCES desks,
            CHECK ((kind = 'desk') = (desk_id IS NOT NULL)),
            CHECK ((kind = 'group-finance') = (group_id IS NOT NULL AND clinic_id IS NULL))
        )"""
    )
    op.execute(
        """CREATE TABLE staff (
            clinic_id text NOT NULL REFERENCES clinics,
            name text NOT NULL CHECK (length(name) BETWEEN 1 AND 64),
            role text NOT NULL CHECK (role IN ('reception', 'manager')),
            secret_hash text NOT NULL CHECK (secret_hash LIKE '$argon2%'),
            active boolean NOT NULL DEFAULT true,
            changed_at timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (clinic_id, name)
        )"""
    )
    # Who the connected login is (`session_user`: inside a SECURITY DEFINER function
    # `current_user` is the definer), for the policies: SECURITY DEFINER, as no login may read
    # `logins` itself. Called as `(SELECT f())` in a policy, each runs once per statement.
    for name, returns, body in (
        (
            "kiosk_my_desk",
            "integer",
            "SELECT desk_id FROM logins WHERE role_name = session_user AND kind = 'desk'",
        ),
        (
            "kiosk_my_clinic",
            "text",
            "SELECT clinic_id FROM logins WHERE role_name = session_user"
            " AND kind IN ('desk', 'manager')",
        ),
        (
            "kiosk_readable_clinics",
            "text[]",
            "SELECT coalesce(array_agg(c.clinic_id), '{}') FROM logins l JOIN clinics c"
            " ON (l.kind IN ('desk', 'manager') AND c.clinic_id = l.clinic_id)"
            " OR (l.kind = 'group-finance' AND c.group_id = l.group_id)"
            " WHERE l.role_name = session_user",
        ),
    ):
        op.execute(
            f"CREATE FUNCTION {name}() RETURNS {returns} LANGUAGE sql STABLE SECURITY DEFINER"
            f" SET search_path = public, pg_temp AS $$ {body} $$"
        )
        op.execute(f"REVOKE ALL ON FUNCTION {name}() FROM PUBLIC")
        op.execute(f"GRANT EXECUTE ON FUNCTION {name}() TO {', '.join(ROLES)}")
    readable = "clinic_id = ANY ((SELECT kiosk_readable_clinics())::text[])"
    for table in ("clinics", "desks"):
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        op.execute(f"GRANT SELECT ON {table} TO {', '.join(ROLES)}")
        op.execute(f"CREATE POLICY readers ON {table} FOR SELECT USING ({readable})")
    # The PIN hashes are for the desks to sign staff in with, nobody else: a reader who could
    # read them could try every six-digit PIN offline.
    op.execute("ALTER TABLE staff ENABLE ROW LEVEL SECURITY")
    op.execute("GRANT SELECT ON staff TO kiosk_desk")
    op.execute(
        "CREATE POLICY own_clinic ON staff FOR SELECT TO kiosk_desk"
        " USING (clinic_id = (SELECT kiosk_my_clinic()))"
    )
    op.execute("GRANT UPDATE (shipped_seq, shipped_at, journal_id) ON desks TO kiosk_desk")
    op.execute(
        "CREATE POLICY own_desk ON desks FOR UPDATE TO kiosk_desk"
        " USING (desk_id = (SELECT kiosk_my_desk()))"
        " WITH CHECK (desk_id = (SELECT kiosk_my_desk()))"
    )


def _records() -> None:
    for table in SHIPPED:
        columns = ", ".join(
            f"{name} {'bigint' if kind == 'int' else 'text'}"
            + (" NOT NULL" if name in table.key else "")
            for name, kind in table.columns
        )
        op.execute(
            f"CREATE TABLE {table.name} ("
            " clinic_id text NOT NULL DEFAULT kiosk_my_clinic() REFERENCES clinics,"
            " desk_id integer NOT NULL DEFAULT kiosk_my_desk() REFERENCES desks,"
            f" {columns}, PRIMARY KEY (desk_id, {', '.join(table.key)}))"
        )
        op.execute(f"ALTER TABLE {table.name} ENABLE ROW LEVEL SECURITY")
        writes = "INSERT" if table.append_only else "INSERT, UPDATE, DELETE"
        op.execute(f"GRANT SELECT, {writes} ON {table.name} TO kiosk_desk")
        op.execute(f"GRANT SELECT ON {table.name} TO {READERS}")
        op.execute(
            f"CREATE POLICY own_desk ON {table.name} TO kiosk_desk"
            " USING (desk_id = (SELECT kiosk_my_desk()))"
            " WITH CHECK (desk_id = (SELECT kiosk_my_desk())"
            " AND clinic_id = (SELECT kiosk_my_clinic()))"
        )
        op.execute(
            f"CREATE POLICY readers ON {table.name} FOR SELECT TO {READERS}"
            " USING (clinic_id = ANY ((SELECT kiosk_readable_clinics())::text[]))"
        )
    # What the figures (kiosk.figures) find rows by: a clinic's service dates, then each
    # desk's joins by the journal's ids. Each join's index carries the columns the figures read
    # and `clinic_id`, which the readers' policy checks on every row: the joins are index-only
    # scans, not a heap fetch per row (a clinic's day summary: 25 -> 19 ms, `bench/clinic_db.py`).
    for statement in (
        "CREATE INDEX visits_by_service_date ON visits (clinic_id, service_date, desk_id, id)",
        "CREATE INDEX bills_by_service_date ON bills (clinic_id, service_date, desk_id, id,"
        " visit_id, total_submitted_fen, total_covered_fen, total_patient_fen)",
        "CREATE INDEX bills_by_visit ON bills (desk_id, visit_id, id) INCLUDE (clinic_id,"
        " total_submitted_fen, total_covered_fen, total_patient_fen)",
        "CREATE INDEX claims_by_bill ON claims (desk_id, bill_id, state, insurer_status,"
        " reject_code, covered_fen, final_covered_fen) INCLUDE (clinic_id, replaces)",
        "CREATE INDEX payments_by_visit ON payments (desk_id, visit_id, method, amount_fen)"
        " INCLUDE (clinic_id)",
        "CREATE INDEX refunds_by_visit ON refunds (desk_id, visit_id, method, amount_fen)"
        " INCLUDE (clinic_id)",
        "CREATE INDEX preauth_requests_by_requested_at ON preauth_requests"
        " (clinic_id, requested_at)",
        # The group's 30-day trend: claims and desk money by their (shipped) service date.
        "CREATE INDEX claims_by_service_date ON claims (clinic_id, service_date, desk_id)"
        " INCLUDE (state, covered_fen, final_covered_fen)",
        "CREATE INDEX payments_by_service_date ON payments (clinic_id, service_date, desk_id)"
        " INCLUDE (amount_fen)",
        "CREATE INDEX refunds_by_service_date ON refunds (clinic_id, service_date, desk_id)"
        " INCLUDE (amount_fen)",
    ):
        op.execute(statement)


def upgrade() -> None:
    _roles()
    _who_is_who()
    _records()


def downgrade() -> None:
    raise NotImplementedError("the clinic database is never downgraded; restore a backup")
