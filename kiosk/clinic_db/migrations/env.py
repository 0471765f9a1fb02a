"""Alembic's entry point for the clinic database: `kiosk.clinic_db.admin` runs it on its own
connection (one transaction: PostgreSQL's DDL is transactional, so a failed step leaves nothing),
or offline, printing the SQL (`migration_sql`)."""

from alembic import context

if context.is_offline_mode():
    context.configure(dialect_name="postgresql", literal_binds=True)
else:
    context.configure(connection=context.config.attributes["connection"], target_metadata=None)
with context.begin_transaction():
    context.run_migrations()
