"""The audit log: who viewed, changed, shared, exported or gave access to what on a board (board/audit.py).

Revision ID: 0005
Revises: 0002
"""
import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0002'


def upgrade() -> None:
    op.create_table(
        'audit_log',
        sa.Column('id', sa.Integer, primary_key=True, autoincrement=True),
        sa.Column('board_id', sa.String(64), sa.ForeignKey('boards.id', ondelete='CASCADE'), nullable=False),
        sa.Column('at', sa.String(40), nullable=False),
        sa.Column('actor_id', sa.String(64), nullable=False),
        sa.Column('actor_name', sa.String(120), nullable=False),
        sa.Column('actor_role', sa.String(20), nullable=False),
        sa.Column('action', sa.String(20), nullable=False),
        sa.Column('subject', sa.String(200), nullable=False, server_default=''),
        sa.Column('elements', sa.Text, nullable=False, server_default=''),
    )
    op.create_index('ix_audit_log_board_id', 'audit_log', ['board_id'])


def downgrade() -> None:
    op.drop_table('audit_log')
