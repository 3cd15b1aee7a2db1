"""Pairing codes, paired devices, PINs per family member, counted wrong tries, invitations with consent, and
revoked token ids (board/devices.py, board/invitations.py, board/revoked.py).

Revision ID: 0004
Revises: 0002
"""
import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0002'


def _board() -> sa.Column:
    return sa.Column('board_id', sa.String(64), sa.ForeignKey('boards.id', ondelete='CASCADE'), nullable=False)


def upgrade() -> None:
    op.create_table(
        'pairing_codes',
        sa.Column('code', sa.String(6), primary_key=True),
        _board(),
        sa.Column('kind', sa.String(16), nullable=False),
        sa.Column('actor', sa.Text, nullable=True),
        sa.Column('label', sa.String(120), nullable=False),
        sa.Column('created_by', sa.Text, nullable=False),
        sa.Column('created_at', sa.String(40), nullable=False),
        sa.Column('expires_at', sa.String(40), nullable=False),
        sa.Column('used_at', sa.String(40), nullable=True),
    )
    op.create_table(
        'devices',
        sa.Column('id', sa.String(32), primary_key=True),
        _board(),
        sa.Column('token_hash', sa.String(64), nullable=False, unique=True),
        sa.Column('kind', sa.String(16), nullable=False),
        sa.Column('actor', sa.Text, nullable=True),
        sa.Column('label', sa.String(120), nullable=False),
        sa.Column('created_by', sa.String(64), nullable=False),
        sa.Column('created_at', sa.String(40), nullable=False),
        sa.Column('last_seen_at', sa.String(40), nullable=False),
        sa.Column('revoked_at', sa.String(40), nullable=True),
    )
    op.create_index('ix_devices_board_id', 'devices', ['board_id'])
    op.create_table(
        'member_pins',
        sa.Column('board_id', sa.String(64), sa.ForeignKey('boards.id', ondelete='CASCADE'), primary_key=True),
        sa.Column('member_id', sa.String(64), primary_key=True),
        sa.Column('pin_hash', sa.String(200), nullable=False),
        sa.Column('set_at', sa.String(40), nullable=False),
    )
    op.create_table(
        'failed_tries',
        sa.Column('id', sa.Integer, primary_key=True, autoincrement=True),
        sa.Column('key', sa.String(160), nullable=False),
        sa.Column('at', sa.String(40), nullable=False),
    )
    op.create_index('ix_failed_tries_key', 'failed_tries', ['key'])
    op.create_table(
        'invitations',
        sa.Column('id', sa.String(64), primary_key=True),
        _board(),
        sa.Column('actor', sa.Text, nullable=False),
        sa.Column('network_person', sa.String(64), nullable=True),
        sa.Column('created_by', sa.String(64), nullable=False),
        sa.Column('created_by_name', sa.String(120), nullable=False),
        sa.Column('created_at', sa.String(40), nullable=False),
        sa.Column('expires_at', sa.String(40), nullable=False),
        sa.Column('consent_parent', sa.String(64), nullable=False),
        sa.Column('consent_parent_name', sa.String(120), nullable=False),
        sa.Column('consent_date', sa.String(10), nullable=False),
        sa.Column('consent_scope', sa.Text, nullable=False),
        sa.Column('accepted_at', sa.String(40), nullable=True),
        sa.Column('revoked_at', sa.String(40), nullable=True),
    )
    op.create_index('ix_invitations_board_id', 'invitations', ['board_id'])
    op.create_table(
        'revoked_tokens',
        sa.Column('jti', sa.String(64), primary_key=True),
        _board(),
        sa.Column('revoked_at', sa.String(40), nullable=False),
    )


def downgrade() -> None:
    for table in ('revoked_tokens', 'invitations', 'failed_tries', 'member_pins', 'devices', 'pairing_codes'):
        op.drop_table(table)
