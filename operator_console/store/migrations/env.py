"""Alembic environment: migrations run on the connection the store hands over (never from a URL here)."""

from alembic import context

from operator_console.store.models import Base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
