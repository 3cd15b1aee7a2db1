"""The board spine: boards, the op log, snapshots, settings.

Revision ID: 0001
Revises:
"""
import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None


def upgrade() -> None:
    op.create_table(
        'boards',
        sa.Column('id', sa.String(64), primary_key=True),
        sa.Column('name', sa.String(200), nullable=False),
        sa.Column('family_name', sa.String(200), nullable=False, server_default=''),
        sa.Column('created_at', sa.String(40), nullable=False),
        sa.Column('seq', sa.Integer, nullable=False, server_default='0'),
    )
    op.create_table(
        'ops',
        sa.Column('board_id', sa.String(64), sa.ForeignKey('boards.id', ondelete='CASCADE'), primary_key=True),
        sa.Column('seq', sa.Integer, primary_key=True),
        sa.Column('actor_id', sa.String(64), nullable=False),
        sa.Column('created_at', sa.String(40), nullable=False),
        sa.Column('ops', sa.Text, nullable=False),
    )
    op.create_table(
        'snapshots',
        sa.Column('board_id', sa.String(64), sa.ForeignKey('boards.id', ondelete='CASCADE'), primary_key=True),
        sa.Column('seq', sa.Integer, primary_key=True),
        sa.Column('created_at', sa.String(40), nullable=False),
        sa.Column('elements', sa.Text, nullable=False),
    )
    op.create_table(
        'settings',
        sa.Column('key', sa.String(64), primary_key=True),
        sa.Column('value', sa.Text, nullable=False),
    )


def downgrade() -> None:
    for table in ('settings', 'snapshots', 'ops', 'boards'):
        op.drop_table(table)
