"""The clinic database: one PostgreSQL for a clinic's desks (or a chain's clinics), fed by each
desk's shipping queue and read by managers and group finance. A desk without one works alone.

admin       `kiosk clinic-db init` (Alembic migrations: tables, roles, row-level security),
            clinics, desks' and readers' logins, staff accounts.
connection  Opening it from a URL and the password kept in the keyring.
shipping    The desk's shipper: its journal's queue, in order, stored once, resumable.
tables      Its own tables: clinics, desks and how far each has shipped, staff.
"""
