"""Services the tests need (PostgreSQL, Redis, Chromium): skip when missing, or fail when CI requires them."""
from __future__ import annotations

import os
from typing import NoReturn

import pytest


def require_service(name: str, reason: str) -> NoReturn:
    """Skip a test whose service is missing, or fail it when CI says every service must be there.

    :param name: the service and where it was looked for, e.g. ``PostgreSQL at postgresql://…``
    :param reason: why it could not be used
    """
    message = f'{name} not reachable: {reason}'
    if os.environ.get('PLANBORD_REQUIRE_SERVICES') == '1':
        pytest.fail(message, pytrace=False)
    pytest.skip(message)
