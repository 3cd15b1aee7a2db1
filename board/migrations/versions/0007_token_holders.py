"""Who each signed token stands for, kept on the server under the token's id, so the token itself holds no name
(board/tokens.py).

Revision ID: 0007
Revises: 0002
"""
import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0002'


def upgrade() -> None:
    op.create_table(
        'token_holders',
        sa.Column('jti', sa.String(64), primary_key=True),
        sa.Column('board_id', sa.String(64), nullable=False, index=True),
        sa.Column('actor', sa.Text, nullable=False),
        sa.Column('expires_at', sa.String(40), nullable=False, index=True),
    )


def downgrade() -> None:
    op.drop_table('token_holders')
