"""A membership that came by invitation keeps the family's consent (JSON of `board.identity.Consent`) and the id of
that invitation, which records who consented and when (board/accounts.py). Memberships from before keep no limit
(NULL), as they had.

Revision ID: 0011
Revises: 0003
"""
import sqlalchemy as sa
from alembic import op

revision = '0011'
down_revision = '0003'


def upgrade() -> None:
    with op.batch_alter_table('memberships') as batch:
        batch.add_column(sa.Column('consent', sa.Text, nullable=True))
        batch.add_column(sa.Column('invitation', sa.String(64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('memberships') as batch:
        batch.drop_column('invitation')
        batch.drop_column('consent')
