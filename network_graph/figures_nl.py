"""Doelen per gezinslid, wie doet wat and the network in figures as Dutch rows: for paper and for the terminal.

The PDF prints the rows as tables and `planbord metrics --text` as lines, from the same words, so paper and terminal
never say it differently. Made from the metrics (`summary.all_metrics` or its parts), never from the board. The
screens translate through app/i18n.py instead.
"""
from __future__ import annotations

from typing import Any

from board.dutch import SUPPORT_KINDS, nl_date

from .schema_layout import SECTOR_LABELS

SECTOR_HEADERS = ['sector', 'mensen', 'lijnen onderling', 'dichtheid', 'lijnen per persoon', 'sterren', 'los']
MEMBER_HEADERS = ['gezinslid', 'leeftijd', 'eigen doelen', 'nummers']
WHO_HEADERS = ['wie', 'doelen en hulp', 'afspraken']
WHOLE_NETWORK = 'Hele netwerk'
WHOLE_FAMILY = 'Het hele gezin'
SECTOR_INTRO = ('Lijnen per persoon: met hoeveel anderen op het schema iemand een lijn heeft, gemiddeld ± de '
                'spreiding. Dichtheid: hoeveel van de mogelijke paren in de sector elkaar kennen. Sterren kennen de '
                'meeste anderen; los: kent niemand anders op het schema.')


def nl_number(value: float | None, decimals: int = 1) -> str:
    """1.4 as '1,4'; nothing to compute as '–'."""
    return '–' if value is None else f'{value:.{decimals}f}'.replace('.', ',')


def nl_share(value: float | None) -> str:
    """A share as a whole percentage: 0.6667 as '67%'."""
    return '–' if value is None else f'{round(value * 100)}%'


def names(people: list[dict[str, Any]]) -> str:
    return ', '.join(p['name'] for p in people)


def sector_row(label: str, found: dict[str, Any]) -> list[str]:
    spread = f"{nl_number(found['degree_mean'])} ± {nl_number(found['degree_sd'])}" if found['people'] else '–'
    return [label, str(found['people']), str(found['ties']), nl_share(found['density']), spread,
            names(found['stars']), names(found['isolated'])]


def sector_rows(sectors: dict[str, Any]) -> list[list[str]]:
    """Every sector with people, then the whole network."""
    rows = [sector_row(SECTOR_LABELS.get(key, key), found) for key, found in sectors['per_sector'].items()
            if found['people']]
    return rows + [sector_row(WHOLE_NETWORK, sectors['whole'])]


def goals_word(count: int) -> str:
    return '1 doel' if count == 1 else f'{count} doelen'


def member_rows(goals: dict[str, Any]) -> list[list[str]]:
    """Doelen per gezinslid, the youngest first; the whole family's goals last, when there are any."""
    rows = [[m['name'], '' if m['age'] is None else str(m['age']), str(m['goals']), _numbers(m['goal_numbers'])]
            for m in goals['per_family_member']]
    whole = goals['whole_family']
    if whole['goals']:
        rows.append([WHOLE_FAMILY, '', str(whole['goals']), _numbers(whole['goal_numbers'])])
    return rows


def _numbers(numbers: list[int | None]) -> str:
    """Goal numbers as '1, 2, 3'; '–' for none (a goal has no number until the server gives it one)."""
    return ', '.join(str(n) for n in numbers if n) or '–'


def _goal_numbers(goals: list[dict[str, Any]]) -> str:
    return _numbers([g['number'] for g in goals])


def agreement_line(agreement: dict[str, Any]) -> str:
    """'3. Samen de post sorteren. (doel 2, tot 30-06-2027, te laat)'."""
    notes = [f"doel {agreement['goal_number']}"] if agreement['goal_number'] else []
    if agreement['done']:
        notes.append('klaar')
    elif agreement['planned_end']:
        notes.append(f"tot {nl_date(agreement['planned_end'])}" + (', te laat' if agreement['late'] else ''))
    number = f"{agreement['number']}. " if agreement['number'] else ''
    return number + agreement['text'] + (f" ({', '.join(notes)})" if notes else '')


def agreement_numbers(agreements: list[dict[str, Any]]) -> str:
    """'afspraak 1, 2 (te laat), 3 (klaar)': for paper, where the list of agreements with their words is just above."""
    refs = [str(a['number'] or '?') + (' (klaar)' if a['done'] else ' (te laat)' if a['late'] else '')
            for a in agreements]
    return f"afspra{'ak' if len(refs) == 1 else 'ken'} {', '.join(refs)}" if refs else '–'


def takes_part(person: dict[str, Any]) -> list[str]:
    """What a person takes part in, one short phrase each: own goals, goals they help with, support, roles."""
    parts = []
    if person['own_goals']:
        parts.append(f"eigen doel{'en' if len(person['own_goals']) > 1 else ''} {_goal_numbers(person['own_goals'])}")
    if person['supports']:
        parts.append(f"helpt bij doel {_goal_numbers(person['supports'])}")
    if person['kinds']:
        parts.append(', '.join(SUPPORT_KINDS[k] for k in person['kinds']))
    if person['roles']:
        parts.append(f"rollen: {', '.join(person['roles'])}")
    return parts


def who_rows(who: dict[str, Any], words: bool = True) -> list[list[str]]:
    """Per person: who they are, what they take part in and their agreements; then agreements naming nobody.

    :param words: each agreement with its words; without, by number (the plan on paper lists them just above)
    """
    agreements = (lambda found: '\n'.join(map(agreement_line, found)) or '–') if words else agreement_numbers
    rows = []
    for person in who['people']:
        where = ' · '.join(x for x in (person['relation'], person['organisation']) if x)
        rows.append(['\n'.join(x for x in (person['name'], where) if x), '\n'.join(takes_part(person)),
                     agreements(person['agreements'])])
    rows += [[agreement['who'] or 'niemand genoemd', '', agreements([agreement])]
             for agreement in who['without_person']]
    return rows


def nothing_yet(who: dict[str, Any]) -> str:
    """One sentence naming who has no agreement, goal or kind of support yet; empty when everyone has."""
    return f"Nog niets afgesproken met: {names(who['nothing_yet'])}." if who['nothing_yet'] else ''


def as_text(metrics: dict[str, Any], sentences: list[str]) -> str:
    """The metrics for a person at a terminal, in Dutch: the sentences (`metrics['sentences']` said by app/), then
    the three lists of the plan."""
    out = ['Wat opvalt', *(f'- {s}' for s in sentences), '', 'Het netwerk in cijfers']
    out += _lines(SECTOR_HEADERS, sector_rows(metrics['sectors']))
    out += ['', 'Doelen per gezinslid', *_lines(MEMBER_HEADERS, member_rows(metrics['goals'])), '', 'Wie doet wat']
    out += _lines(WHO_HEADERS, who_rows(metrics['who_does_what']))
    return '\n'.join(out + [nothing_yet(metrics['who_does_what'])]).rstrip() + '\n'


def _lines(headers: list[str], rows: list[list[str]]) -> list[str]:
    """A table as lines: the first cell, then each other filled cell with its header ('mensen 2; …')."""
    lines = [f'- {row[0]}: ' + '; '.join(f'{head} {cell}' for head, cell in zip(headers[1:], row[1:], strict=True)
                                         if cell not in ('', '–')) for row in rows]
    return [' · '.join(line.splitlines()) for line in lines]
