"""Keep each batch's client id (cid) in the log, so a resend after a restart is recognised.

Revision ID: 0002
Revises: 0001
"""
import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'


def upgrade() -> None:
    with op.batch_alter_table('ops') as batch:
        batch.add_column(sa.Column('cid', sa.String(64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('ops') as batch:
        batch.drop_column('cid')
