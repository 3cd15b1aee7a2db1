"""Three sections of the gezinsplan on paper, made from the network metrics: doelen per gezinslid (after the goals),
wie doet wat (after the agreements) and het netwerk in cijfers (before the netwerkschema).

Like the call list they are drawn on any `Paper` and read nothing but its board, which is already filtered for the
reader: a goal or agreement hidden from them is neither shown nor counted. The words are `network_graph.figures_nl`,
which `planbord metrics --text` prints too.
"""
from __future__ import annotations

from network_graph import figures_nl as nl
from network_graph.graph import network
from network_graph.plan_load import goals, who_does_what
from network_graph.sectors import sectors

from .paper import SMALL, SOFT, Paper

ROOM_ABOVE_TABLE, ROOM_PER_ROW = 45, 11
"""Millimetres the network figures take: heading, intro and table head, then about one row of names each."""


def goals_per_member_section(pdf: Paper) -> None:
    """How many own goals each family member has, the youngest first, so nobody's goals vanish among the others'."""
    found = goals(network(pdf.board.elements), pdf.today)
    if not found['per_family_member'] and not found['whole_family']['goals']:
        return
    pdf.subheading('Doelen per gezinslid')
    pdf.table(nl.MEMBER_HEADERS, [60, 24, 30, 68], nl.member_rows(found))


def who_does_what_section(pdf: Paper) -> None:
    """Per person: their goals, what they help with and their agreements."""
    found = who_does_what(network(pdf.board.elements), pdf.today)
    pdf.heading('Wie doet wat')
    if not found['people'] and not found['without_person']:
        pdf.empty('Nog niemand heeft een doel, een afspraak of een vorm van hulp.')
    else:
        pdf.para('Per persoon: de eigen doelen, bij welke doelen en hoe iemand helpt, en de nummers van de afspraken '
                 'hierboven.', color=SOFT)
        pdf.table(nl.WHO_HEADERS, [56, 70, 56], nl.who_rows(found, words=False))
    if found['nothing_yet']:
        pdf.para(nl.nothing_yet(found))


def network_figures_section(pdf: Paper) -> None:
    """The per-sector figures as easyNWK reports them, for the sectors with people and the whole network."""
    if not any(e.type in ('family_member', 'network_person') for e in pdf.board.elements):
        return
    rows = nl.sector_rows(sectors(network(pdf.board.elements)))
    if pdf.will_page_break(ROOM_ABOVE_TABLE + ROOM_PER_ROW * len(rows)):
        pdf.add_page()  # one table to read at a glance, not half of it before the picture of the schema
    pdf.heading('Het netwerk in cijfers')
    pdf.para(nl.SECTOR_INTRO, color=SOFT, size=SMALL)
    pdf.table(nl.SECTOR_HEADERS, [28, 18, 22, 21, 24, 33, 36], rows)
