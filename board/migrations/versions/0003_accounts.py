"""Professionals' accounts (mail + argon2 password hash, lockout) and their memberships per board.

Revision ID: 0003
Revises: 0002
"""
import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'


def upgrade() -> None:
    op.create_table(
        'accounts',
        sa.Column('id', sa.String(32), primary_key=True),
        sa.Column('mail', sa.String(254), nullable=False, unique=True),
        sa.Column('name', sa.String(120), nullable=False),
        sa.Column('password_hash', sa.String(200), nullable=False),
        sa.Column('failed_logins', sa.Integer, nullable=False, server_default='0'),
        sa.Column('locked_until', sa.String(40), nullable=True),
        sa.Column('created_at', sa.String(40), nullable=False),
    )
    op.create_table(
        'memberships',
        sa.Column('account_id', sa.String(32), sa.ForeignKey('accounts.id', ondelete='CASCADE'), primary_key=True),
        sa.Column('board_id', sa.String(64), sa.ForeignKey('boards.id', ondelete='CASCADE'), primary_key=True),
        sa.Column('role', sa.String(20), nullable=False),
        sa.Column('organisation', sa.String(120), nullable=False, server_default=''),
        sa.Column('person_id', sa.String(64), nullable=True),
        sa.Column('created_at', sa.String(40), nullable=False),
    )
    op.create_index('memberships_by_board', 'memberships', ['board_id'])


def downgrade() -> None:
    op.drop_table('memberships')
    op.drop_table('accounts')
