"""Invitations keep the family's consent as a choice (JSON of `board.identity.Consent`: zones, goals, named) instead
of free text (board/invitations.py).

The free text of an invitation made before stays, as `consent_words`, so the family still reads what was agreed,
but it is read the safe way: such an invitation, and the device a network member's or screen's browser got from it,
grant only the cards shared with the invitee by name (`{"named": true}`), until a family member who manages the board
chooses more. A coordinator's invitation keeps no limit (NULL): the coordinator works on the whole plan.

Revision ID: 0010
Revises: 0004
"""
import json

import sqlalchemy as sa
from alembic import op

revision = '0010'
down_revision = '0004'

NAMED_ONLY = {'zones': [], 'goals': [], 'named': True}


def upgrade() -> None:
    with op.batch_alter_table('invitations') as batch:
        batch.add_column(sa.Column('consent', sa.Text, nullable=True))
        batch.alter_column('consent_scope', new_column_name='consent_words', existing_type=sa.Text, nullable=True)
    connection = op.get_bind()
    invitations = sa.table('invitations', sa.column('id'), sa.column('actor'), sa.column('consent'))
    devices = sa.table('devices', sa.column('id'), sa.column('actor'), sa.column('created_by'))
    for row in connection.execute(sa.select(invitations.c.id, invitations.c.actor)).all():
        if json.loads(row.actor).get('role') == 'coordinator':
            continue
        connection.execute(invitations.update().where(invitations.c.id == row.id)
                           .values(consent=json.dumps(NAMED_ONLY)))
        for device in connection.execute(sa.select(devices.c.id, devices.c.actor)
                                         .where(devices.c.created_by == row.id)).all():
            actor = json.loads(device.actor) if device.actor else None
            if actor is not None and actor.get('consent') is None:
                connection.execute(devices.update().where(devices.c.id == device.id)
                                   .values(actor=json.dumps(actor | {'consent': NAMED_ONLY}, ensure_ascii=False)))


def downgrade() -> None:
    with op.batch_alter_table('invitations') as batch:
        batch.drop_column('consent')
        batch.alter_column('consent_words', new_column_name='consent_scope', existing_type=sa.Text, nullable=False,
                           server_default='')
