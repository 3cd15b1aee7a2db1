"""Dutch words and dates for what board/ and network_graph/ print themselves (the PDF, pictures).

The screens translate through app/i18n.py; these are for output that is Dutch only for now.
"""
from __future__ import annotations

import datetime as dt

DATE_FORMAT = '%d-%m-%Y'
"""Dates the Dutch way: 26-11-2026."""

MEMBER_ROLES = {'parent': 'ouder', 'child': 'kind', 'youth': 'jongere', 'other': 'gezinslid'}
WEEKDAYS = {'ma': 'maandag', 'di': 'dinsdag', 'wo': 'woensdag', 'do': 'donderdag', 'vr': 'vrijdag',
            'za': 'zaterdag', 'zo': 'zondag'}
SUPPORT_KINDS = {'practical': 'praktische hulp', 'emotional': 'emotionele steun',
                 'information': 'informatie en advies'}


def nl_date(value: dt.date | str | None) -> str:
    """A date (or an ISO date string) as 26-11-2026; empty stays empty, text that is no date stays as it is."""
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value).strftime(DATE_FORMAT)
        except ValueError:
            return value
    return value.strftime(DATE_FORMAT) if value else ''


def nl_days(days: list[str]) -> str:
    """Days when someone is reachable, in week order: 'maandag t/m vrijdag' for a run of three or more."""
    order = list(WEEKDAYS)
    picked = sorted(set(days) & set(order), key=order.index)
    indexes = [order.index(d) for d in picked]
    if len(picked) >= 3 and indexes == list(range(indexes[0], indexes[-1] + 1)):
        return f'{WEEKDAYS[picked[0]]} t/m {WEEKDAYS[picked[-1]]}'
    return ', '.join(WEEKDAYS[d] for d in picked)
