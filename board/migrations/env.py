"""Alembic environment: `board.store.Store.migrate` hands us an open connection."""
from alembic import context

from board.store import metadata

connection = context.config.attributes['connection']
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
