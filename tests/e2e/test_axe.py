"""axe-core finds no serious or critical WCAG problem on the pages a family and a coach use, on a tablet and a phone.

axe-core comes with the `axe-playwright-python` test package and is put into the page by the test only; nothing
of it is served to users.
"""
from __future__ import annotations

import pytest

from tests.e2e.conftest import PHONE, TABLET, link_token, wait_until

pytestmark = pytest.mark.e2e
SERIOUS = ('serious', 'critical')


def problems(page) -> list[str]:
    """axe's serious and critical violations on the page as it is now, one line per element."""
    from axe_playwright_python.sync_playwright import Axe
    results = Axe().run(page).response
    return [f"{v['id']} ({v['impact']}): {node['target']} {node.get('failureSummary', '')}"
            for v in results['violations'] if v['impact'] in SERIOUS for node in v['nodes']]


@pytest.mark.parametrize('viewport', [TABLET, PHONE], ids=['tablet', 'phone'])
def test_no_serious_or_critical_violation_on_any_page(browser, server, board_id, viewport) -> None:
    page = browser.new_context(viewport=viewport).new_page()
    token = link_token(server, board_id)
    found: dict[str, list[str]] = {}
    for path in ('/', '/pair', f'/board/{board_id}', f'/board/{board_id}/plan', f'/board/{board_id}/schema',
                 f'/board/{board_id}/access'):
        page.goto(f'{server}{path}?token={token}')
        page.wait_for_load_state('networkidle')
        wait_until(page, '() => window.did_handshake === true')
        found[path] = problems(page)
        if path.endswith('/plan'):  # every tab, not only the first
            for tab in page.get_by_role('tab').all()[1:]:
                tab.click()
                page.wait_for_timeout(300)
                found[f'{path} {tab.text_content()}'] = problems(page)
    assert {path: lines for path, lines in found.items() if lines} == {}
    page.context.close()
