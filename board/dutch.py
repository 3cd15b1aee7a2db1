"""Dutch words and dates for what board/ and network_graph/ print themselves (the PDF, pictures).

The screens translate through app/i18n.py; these are for output that is Dutch only for now.
"""
from __future__ import annotations

import datetime as dt

DATE_FORMAT = '%d-%m-%Y'
"""Dates the Dutch way: 26-11-2026."""

MEMBER_ROLES = {'parent': 'ouder', 'child': 'kind', 'youth': 'jongere', 'other': 'gezinslid'}


def nl_date(value: dt.date | str | None) -> str:
    """A date (or an ISO date string) as 26-11-2026; empty stays empty, text that is no date stays as it is."""
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value)
        except ValueError:
            return value
    return value.strftime(DATE_FORMAT) if value else ''
