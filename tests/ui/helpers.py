"""What the UI tests share: finding the demo board, its hub and canvas, tokens, logging in, acting as someone else."""
from __future__ import annotations

import asyncio

from nicegui.testing import User

from app import state
from app.canvas import BoardCanvas
from board import accounts, tokens
from board.demo import COACH_MAIL
from board.identity import Actor, Role

DERYA = Actor(id='fm-derya', name='Derya Yılmaz', role=Role.PARENT)
BAS = Actor(id='fm-bas', name='Bas de Vries', role=Role.PARENT)
ELIF = Actor(id='fm-elif', name='Elif', role=Role.YOUTH)
MEES = Actor(id='fm-mees', name='Mees', role=Role.CHILD)
KARIM = Actor(id='np-karim', name='Meester Karim', role=Role.PROFESSIONAL, organisation='school')
JOLIEN = Actor(id='np-jolien', name='Jolien Bakker', role=Role.COORDINATOR, organisation='wijkteam')
DEMO = 'Familie Yılmaz-de Vries'
PASSWORD = 'een-lang-test-wachtwoord'


def demo_board_id() -> str:
    return next(b.id for b in state.get().store.list_boards() if b.name == DEMO)


async def log_in(user: User, mail: str = COACH_MAIL, password: str = PASSWORD) -> None:
    """Log in through the login page; by default as Jolien Bakker, the demo board's coordinator (np-jolien),
    whose password (random on a first start) is set to `PASSWORD` first."""
    if accounts.normalise_mail(mail) == COACH_MAIL:
        accounts.set_password(state.get().store, accounts.find_account(state.get().store, mail).id, password)
    await user.open('/login')
    user.find(marker='mail').type(mail)
    user.find(marker='password').type(password)
    user.find(marker='login').click()
    await user.should_see(marker='account-name', retries=100)  # argon2 takes its time, on purpose


def canvas_of(user: User) -> BoardCanvas:
    return next(iter(user.find(BoardCanvas).elements))


def token_for(board_id: str, actor: Actor) -> str:
    return tokens.issue(state.get().store, board_id, actor)


async def settle() -> None:
    for _ in range(5):
        await asyncio.sleep(0.02)


def hub_of(board_id: str):
    return state.get().hubs.loaded(board_id)


async def rights_of(board_id: str):
    """The board's rights as they are now (who manages it, who is the household)."""
    return (await state.get().hubs.get(board_id)).rights


def of_type(board_id: str, type_: str) -> list:
    return [e for e in hub_of(board_id).elements.values() if e.type == type_ and not e.deleted]


def choose(user: User, marker: str, value: object) -> None:
    """Pick a value in a select or toggle (set as the browser would; the list card may show the same words)."""
    with user:
        user.find(marker=marker).elements.pop().value = value


async def open_plan(user: User, board_id: str, tab: str | None = None, token: str | None = None) -> None:
    """The plan page with a token link, or without one as Jolien, the demo's coordinator, logged in."""
    if token is None:
        await log_in(user)
    await user.open(f'/board/{board_id}/plan' + (f'?token={token}' if token else ''))
    if tab:
        user.find(marker=f'tab-{tab}').click()


async def push_as(board_id: str, actor: Actor, ops: list[dict]) -> dict:
    """Someone else, through their own hub session (e.g. a professional proposing a goal)."""
    hub = await state.get().hubs.get(board_id)
    session = hub.join(actor, lambda message: None)
    try:
        return await hub.push(session, f'test-{len(hub.elements)}-{hub.seq}', ops)
    finally:
        hub.leave(session)
