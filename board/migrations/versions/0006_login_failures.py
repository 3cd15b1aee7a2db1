"""Wrong logins counted per mail address, whether an account has it or not, instead of on the account
(board/accounts.py): a lockout then no longer tells whether an account exists.

Revision ID: 0006
Revises: 0003
"""
import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0003'


def upgrade() -> None:
    op.create_table(
        'login_failures',
        sa.Column('mail_key', sa.String(64), primary_key=True),
        sa.Column('failed', sa.Integer, nullable=False),
        sa.Column('locked_until', sa.String(40), nullable=True),
        sa.Column('last_try_at', sa.String(40), nullable=False, index=True),
    )
    with op.batch_alter_table('accounts') as batch:
        batch.drop_column('failed_logins')
        batch.drop_column('locked_until')


def downgrade() -> None:
    with op.batch_alter_table('accounts') as batch:
        batch.add_column(sa.Column('failed_logins', sa.Integer, nullable=False, server_default='0'))
        batch.add_column(sa.Column('locked_until', sa.String(40), nullable=True))
    op.drop_table('login_failures')
