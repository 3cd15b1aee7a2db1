"""Who may see and change what. Every rule lives here and runs on the server before anything is sent.

The hub asks `can_see` for every element it sends to every client, and `check_operation` for every
operation it receives. Nothing in a browser decides what that browser receives.

Rights are not roles (docs/access.md): a role says what kind of person someone is; what they may do on a board
also follows from facts chosen with the family for that board, kept in the board itself and read through
`BoardRights`: which family members manage the board, who belongs to the household ("ons gezin"), what a new card
shows when nobody chooses, and whether a professional's writing starts as a concept.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cached_property
from typing import Any

from .elements import DRAFTABLE, PROPS_MODELS, Element, ElementType, Ring, Scope, Visibility
from .identity import FAMILY_ROLES, Actor, Consent, Role
from .sharing import organisation_key, people

PROFESSIONALS = frozenset({Role.COORDINATOR, Role.PROFESSIONAL})
COORDINATOR_NAME = 'coordinator'
"""In a `named` visibility: whoever coordinates the plan (role coordinator), so a youth can share with them alone."""
CARDS = frozenset({ElementType.GOAL, ElementType.AGREEMENT, ElementType.NOTE, ElementType.EVALUATION,
                   ElementType.PICTOGRAM})
"""What the board's own default ("Wat zien anderen standaard?") applies to: the cards, not the people."""
PEOPLE = (ElementType.FAMILY_MEMBER, ElementType.NETWORK_PERSON)

DEFAULT_SCOPES: dict[ElementType, tuple[Scope, Scope]] = {
    # type:                    (written by the family,     written by anyone else)
    ElementType.FAMILY_INFO:    (Scope.EVERYONE,            Scope.EVERYONE),
    ElementType.FAMILY_MEMBER:  (Scope.EVERYONE,            Scope.EVERYONE),
    ElementType.NETWORK_PERSON: (Scope.EVERYONE,            Scope.EVERYONE),
    ElementType.TIE:            (Scope.EVERYONE,            Scope.EVERYONE),
    ElementType.GOAL:           (Scope.EVERYONE,            Scope.EVERYONE),
    ElementType.AGREEMENT:      (Scope.EVERYONE,            Scope.EVERYONE),
    ElementType.EVALUATION:     (Scope.EVERYONE,            Scope.EVERYONE),
    ElementType.NOTE:           (Scope.FAMILY_COORDINATOR,  Scope.EVERYONE),
    ElementType.ZONE:           (Scope.EVERYONE,            Scope.EVERYONE),
    ElementType.PICTOGRAM:      (Scope.EVERYONE,            Scope.EVERYONE),
    ElementType.MOMENT:         (Scope.EVERYONE,            Scope.EVERYONE),
}
"""Who sees a new element when its creator names no one and the board has no default of its own. The plan itself
(goals, agreements, people, the netwerkschema, evaluations) is for everyone at the table; a note the family writes
is the family's own thinking, shared with the coordinator who helps them, until a parent shares it wider."""


class BoardRights:
    """The facts about one board that the rules read, taken from the board's own elements (so they sync, are in the
    op log and the export like everything else). Built afresh for each version of the board; cheap until asked.

    :param elements: the board (id → element, deleted ones may be included)
    """

    def __init__(self, elements: Mapping[str, Element]) -> None:
        self.elements = elements
        self._consented: dict[tuple[str, Consent], frozenset[str]] = {}

    @classmethod
    def of(cls, elements: Mapping[str, Element] | Iterable[Element]) -> BoardRights:
        return cls(elements if isinstance(elements, Mapping) else {e.id: e for e in elements})

    @cached_property
    def members(self) -> dict[str, dict[str, Any]]:
        """The family members (id → props)."""
        return {e.id: e.props for e in self.elements.values()
                if e.type == ElementType.FAMILY_MEMBER and not e.deleted}

    @cached_property
    def managers(self) -> frozenset[str]:
        """Family members who manage the board with the coordinator."""
        return frozenset(i for i, props in self.members.items() if props.get('manages'))

    @cached_property
    def household(self) -> frozenset[str]:
        """Family members who are "ons gezin" on this board."""
        return frozenset(i for i, props in self.members.items() if props.get('household', True))

    @cached_property
    def written_by(self) -> dict[str, list[Element]]:
        """Each author's live elements (who made them)."""
        found: dict[str, list[Element]] = {}
        for element in self.elements.values():
            if not element.deleted:
                found.setdefault(element.created_by, []).append(element)
        return found

    @cached_property
    def info(self) -> dict[str, Any]:
        element = next((e for e in self.elements.values() if e.type == ElementType.FAMILY_INFO and not e.deleted),
                       None)
        return element.props if element is not None else {}

    @cached_property
    def people(self) -> list[Actor]:
        """Everyone on the board, as the actor they are (`board.sharing.people`): whom sharing can name."""
        return people(self.elements.values(), self.info.get('coordinator_id'))

    def manages(self, actor: Actor) -> bool:
        """May manage the board: a family member marked so, or the coordinator, who acts for the family."""
        return actor.role == Role.COORDINATOR or (actor.in_family and actor.id in self.managers)

    def family_manages(self, actor: Actor) -> bool:
        """A family member who manages the board: who approves, accepts and decides for the family."""
        return actor.in_family and actor.id in self.managers

    def in_household(self, actor: Actor) -> bool:
        return actor.in_family and actor.id in self.household

    def consented(self, actor: Actor) -> frozenset[str]:
        """The ids an invitee's consent reaches: the chosen zones and the cards lying in them, the chosen goals
        with their agreements, the cards shared with them by name, the people named on all these, and themselves."""
        consent = actor.consent
        assert consent is not None
        key = (actor.id, consent)
        if key not in self._consented:
            self._consented[key] = frozenset(_consented(actor, consent, self.elements))
        return self._consented[key]

    def differs(self, other: BoardRights) -> bool:
        """Whether who is who changed between two versions of the board (every client must then be resent)."""
        return (self.managers, self.household) != (other.managers, other.household)


def _consented(actor: Actor, consent: Consent, elements: Mapping[str, Element]) -> set[str]:
    live = [e for e in elements.values() if not e.deleted]
    zones = [e for e in live if e.type == ElementType.ZONE and e.id in consent.zones]
    found = {actor.id, *(z.id for z in zones)}
    for element in live:
        if element.type not in CARDS:
            continue
        props = element.props
        in_zone = any(lies_in(props, zone.props) for zone in zones)
        goal = element.id if element.type == ElementType.GOAL else props.get('goal_id')
        if in_zone or goal in consent.goals or (consent.named and _named(actor, element.visibility)):
            found.add(element.id)
    people: set[str] = {actor.id}
    for element_id in found:
        if (card := elements.get(element_id)) is not None:
            people.update(card.props.get('owners', ()), card.props.get('supporters', ()), card.props.get('who_ids', ()))
    found |= {e.id for e in live if e.type in PEOPLE and e.id in people}
    found |= {e.id for e in live if e.type == ElementType.TIE and {e.props.get('a'), e.props.get('b')} <= found}
    return found


def lies_in(card: dict[str, Any], zone: dict[str, Any]) -> bool:
    """Whether a card lies in a zone: its top-left corner does (what a zone's consent reaches, `board.layout` keeps)."""
    x, y, left, top = card.get('x', 0), card.get('y', 0), zone.get('x', 0), zone.get('y', 0)
    return left <= x <= left + zone.get('w', 0) and top <= y <= top + zone.get('h', 0)


def widens(before: Consent | None, after: Consent | None) -> bool:
    """Whether a changed consent may show the invitee anything the one before did not (``None``: no limit)."""
    if after is None:
        return before is not None
    if before is None:
        return False
    return bool(set(after.zones) - set(before.zones) or set(after.goals) - set(before.goals)
                or (after.named and not before.named))


def may_change_consent(actor: Actor, before: Consent | None, after: Consent | None, rights: BoardRights) -> bool:
    """Who changes what an invitee may see: narrowing, anyone who manages the board; widening only a family member
    who manages it, since it is the family's consent (the coordinator may not give it on their own)."""
    return rights.family_manages(actor) if widens(before, after) else rights.manages(actor)


def default_visibility(actor: Actor, type_: ElementType | None, rights: BoardRights) -> Visibility:
    """The visibility a new element gets when its operation names none; choosing it is always allowed."""
    if type_ is None:
        return Visibility()
    if ElementType(type_) in CARDS and (chosen := rights.info.get('default_scope')):
        return Visibility(scope=chosen)
    by_family, by_others = DEFAULT_SCOPES[ElementType(type_)]
    return Visibility(scope=by_family if actor.in_family else by_others)


class AccessDenied(PermissionError):
    """The actor may not do this; the message is a code such as `read_only`, `not_found`,
    `visibility_forbidden`, `family_words`, `family_accepts`, `family_decides`, `kader_professionals_only`,
    `kind_fixed`, `only_own`, `managers_decide`, `parent_approves`."""


def can_see(actor: Actor, element: Element, rights: BoardRights) -> bool:
    """Whether `actor` may know this element: they made it; or its visibility allows them, if it is a concept they
    are in the household (the family reads it first), and if they came by invitation, the consent reaches it."""
    if element.created_by == actor.id:
        return True  # nobody loses their own card, e.g. a parent living elsewhere writing a note for "the family"
    if not sees(actor, element.visibility, rights):
        return False
    author = (element.props.get('concept_by') or {}).get('id')
    if is_concept(element) and not rights.in_household(actor) and actor.id != author:
        return False
    return actor.consent is None or element.id in rights.consented(actor)


def as_known(actor: Actor, element: Element, rights: BoardRights) -> Element:
    """The element as `actor` may know it (one they may see): a person's `side` is left out when it names a family
    member hidden from them, so not even the id of someone they may not see reaches them; the schema, the lists and
    the PDF then show no side. Every way out (the hub, exports, history, moments) passes here."""
    side = element.props.get('side') if element.type == ElementType.NETWORK_PERSON else None
    if not side:
        return element
    member = rights.elements.get(side)
    if member is not None and not member.deleted and can_see(actor, member, rights):
        return element
    return element.model_copy(update={'props': {**element.props, 'side': None}})


def is_concept(element: Element) -> bool:
    return element.type in DRAFTABLE and bool(element.props.get('concept'))


def sees(actor: Actor, visibility: Visibility, rights: BoardRights) -> bool:
    scope = visibility.scope
    if scope == Scope.EVERYONE:
        return True
    if scope == Scope.FAMILY:
        return rights.in_household(actor)
    if scope == Scope.FAMILY_COORDINATOR:
        return rights.in_household(actor) or actor.role == Role.COORDINATOR
    if scope == Scope.NAMED:
        return _named(actor, visibility)
    return False


def audience(visibility: Visibility, rights: BoardRights) -> list[Actor]:
    """The people on this board a visibility includes, family first: what the screen names under a choice and on a
    card ("Derya, Elif, Mees, Noor en Jolien (coördinator)"). Asked of `sees` for each of them, so the words can
    never say other than the rule: a scope includes exactly whom it lets see a card (before concepts and consents,
    which the card and the invitation say themselves)."""
    return [person for person in rights.people if sees(person, visibility, rights)]


def _named(actor: Actor, visibility: Visibility) -> bool:
    names = visibility.names
    return (actor.id in names or (actor.role == Role.COORDINATOR and COORDINATOR_NAME in names)
            or (bool(actor.organisation) and f'org:{organisation_key(actor.organisation)}' in names))


def may_share(actor: Actor, current: Element | None, rights: BoardRights) -> bool:
    """Who chooses who sees a card: those who manage the board any card they see; a parent or youth their own
    (a youth may keep a card for the coordinator alone, as the law gives youths their own confidentiality);
    a young child, a professional, the network and the screen take the default."""
    if rights.manages(actor):
        return True
    return actor.role in (Role.PARENT, Role.YOUTH) and (current is None or _own(actor, current))


def _own(actor: Actor, element: Element) -> bool:
    """A card the actor made, a goal that is theirs (they are among its owners), or a family member's own record."""
    return element.created_by == actor.id or element.id == actor.id or actor.id in element.props.get('owners', ())


def check_operation(actor: Actor, current: Element | None, new_visibility: Visibility | None,
                    rights: BoardRights, type_: ElementType | None = None) -> None:
    """Raise `AccessDenied` unless `actor` may create, change or delete this element.

    An element the actor cannot see is reported as `not_found`, so its existence does not leak. Only those who
    may share it (`may_share`) may give an element anything but the default visibility (of its type, for its
    creator, on this board) or, once it exists, anything but the one it has.
    """
    if current is not None and not current.deleted and not can_see(actor, current, rights):
        raise AccessDenied('not_found')
    if actor.role == Role.SCREEN:
        raise AccessDenied('read_only')
    baseline = current.visibility if current is not None else default_visibility(actor, type_, rights)
    if new_visibility is not None and new_visibility != baseline and not may_share(actor, current, rights):
        raise AccessDenied('visibility_forbidden')


def stamp(actor: Actor, type_: ElementType, props: dict[str, Any], before: dict[str, Any] | None,
          now: str, rights: BoardRights) -> dict[str, Any]:
    """What the server writes into an element: who wrote a new goal and whether it is only a proposal; that a
    professional's new card is a concept while the board says so; who marked a concept, or who approved it and when.

    A goal written by anyone outside the family starts as a proposal, unless it is a kader (a safety limit).
    :param before: the props before an update; ``None`` for a new element
    """
    stamped: dict[str, Any] = {}
    if type_ == ElementType.GOAL and before is None:
        stamped = {'written_by': actor.id, 'written_by_name': actor.name, 'written_by_role': str(actor.role)}
        if not actor.in_family:
            stamped['status'] = 'active' if props.get('kind') == 'kader' else 'proposal'
    if type_ in DRAFTABLE:
        if before is None and starts_as_concept(actor, type_, rights):
            stamped['concept'] = True
        was, now_concept = bool((before or {}).get('concept')), bool(stamped.get('concept', props.get('concept')))
        signature = {'id': actor.id, 'name': actor.name, 'at': now}
        if now_concept and not was:
            stamped |= {'concept_by': signature, 'approved_by': None}
        elif was and not now_concept:
            stamped['approved_by'] = signature
    return stamped


def starts_as_concept(actor: Actor, type_: ElementType | str, rights: BoardRights) -> bool:
    """Whether a new goal, agreement, note or evaluation by this person starts as a concept the family approves:
    a professional's, while the board says so (`family_info.concepts_first`, on unless the family switched it off)."""
    return type_ in DRAFTABLE and actor.role == Role.PROFESSIONAL and rights.info.get('concepts_first', True)


MOVES = frozenset({'x', 'y'})
"""Props anyone who may edit a card may change: where it lies on the board."""
MEMBER_RIGHTS = frozenset({'manages', 'household'})
BOARD_CHOICES = frozenset({'default_scope', 'concepts_first'})


def check_change(actor: Actor, before: Element | None, after: Element, rights: BoardRights) -> None:
    """The gezinsplan's rules about who may change what: others' cards, goals, evaluations, concepts and the
    board's own choices (who manages it, who is the household, what a new card shows)."""
    changed = _changed(before, after)
    if actor.in_family and not rights.family_manages(actor) and before is not None and not _own(actor, before):
        own_schema = changed - MOVES == {'vip'} and \
            _others_placements(before, actor.id) == _others_placements(after, actor.id)
        if (changed - MOVES and not own_schema) or after.visibility != before.visibility:
            raise AccessDenied('only_own')  # a child, a youth or a parent living elsewhere: their own cards only
    if after.type == ElementType.FAMILY_MEMBER:
        _check_member_rights(actor, changed, after, rights)
    elif after.type == ElementType.FAMILY_INFO:
        _check_board_choices(actor, changed, after, rights)
    if after.type in DRAFTABLE:
        _check_concept(actor, before.props if before else {}, after.props, rights)
    if after.type == ElementType.GOAL:
        _check_goal(actor, before.props if before else None, changed, after.props, rights)
    elif after.type == ElementType.EVALUATION:
        scores_before = before.props.get('scores', []) if before else []
        if not after.deleted:
            _check_scores(actor, scores_before, after.props.get('scores', []))
        elif any(s.get('family') is not None for s in scores_before) and not actor.in_family:
            raise AccessDenied('family_scores')  # the family's own view goes only when the family says so


WORDS = {ElementType.FAMILY_MEMBER: 'name', ElementType.NETWORK_PERSON: 'name', ElementType.ZONE: 'title',
         ElementType.PICTOGRAM: 'label', ElementType.EVALUATION: 'summary', ElementType.FAMILY_INFO: 'important',
         ElementType.TIE: 'kind', ElementType.MOMENT: 'name'}
"""The prop that holds an element's own words, where it is not `text`: what "Bewerken" changes first."""
_ANY: Any = object()
"""A value unlike any stored one: asking about a prop whatever it becomes."""


def may_change(actor: Actor, element: Element | None, rights: BoardRights, *, type_: ElementType | None = None,
               deleted: bool = False, **props: Any) -> bool:
    """Whether the server would take this change (these props set, or `deleted`) to `element`, or a new element of
    `type_` with these props, by the very rules it applies (`check_operation`, `check_change`). The screens ask it
    before they offer a button or a switch, so nothing looks doable that would be refused."""
    if element is None:
        assert type_ is not None, 'a new element is asked about with its type'
        after = Element.model_construct(id='', type=ElementType(type_), props=props, visibility=Visibility(),
                                        created_by=actor.id, deleted=False)
    else:
        after = element.model_copy(update={'props': element.props | props, 'deleted': deleted})
    try:
        check_operation(actor, element, None, rights, type_)
        check_change(actor, element, after, rights)
    except AccessDenied:
        return False
    return True


def may_edit(actor: Actor, element: Element, rights: BoardRights, prop: str | None = None) -> bool:
    """Whether someone may change this prop of an element, whatever it becomes (default: its own words, what
    "Bewerken" is for): a child, a youth or a parent who does not manage the board only on their own cards; a
    professional not the words of the family's own goal (they propose, e.g. with a note)."""
    return may_change(actor, element, rights, **{prop or WORDS.get(element.type, 'text'): _ANY})


def movable(actor: Actor, elements: Iterable[Element], rights: BoardRights) -> set[str]:
    """The cards `actor` may move: those they see and may change the place of. "Netjes leggen" moves only these, so
    a card hidden from someone keeps its place when they tidy the board."""
    return {e.id for e in elements if may_move(actor, e, rights)}


def may_move(actor: Actor, element: Element, rights: BoardRights) -> bool:
    """Whether `actor` may move this card: also what a drag on its way may show others (`BoardHub.drag`)."""
    return not element.deleted and can_see(actor, element, rights) \
        and may_change(actor, element, rights, **dict.fromkeys(MOVES, _ANY))


def _others_placements(person: Element, member_id: str) -> list[Any]:
    """Where a person sits on everyone's own schema but this member's: a youth arranges only their own (VIP view)."""
    return [p for p in person.props.get('vip', []) if p.get('member') != member_id]


def may_place(actor: Actor, person: Element, member_id: str, rights: BoardRights) -> bool:
    """Whether `actor` may put or move `person` on the own schema of family member `member_id` (a youth on theirs)."""
    placements = _others_placements(person, member_id)
    return may_change(actor, person, rights, vip=[*placements, {'member': member_id, 'ring': Ring.INFORMAL,
                                                                'sector': 'overig',
                                                                'distance': 0.5}])


def _changed(before: Element | None, after: Element) -> set[str]:
    """The props that differ from before (a new element: from its type's defaults; a prop added to the type since
    the element was stored counts as its default)."""
    fields = PROPS_MODELS[after.type].model_fields
    default = {key: field.get_default(call_default_factory=True) for key, field in fields.items()}
    was = default | (before.props if before is not None else {})
    changed = {k for k in after.props.keys() | was.keys() if after.props.get(k, default.get(k)) != was.get(k)}
    return changed | ({'deleted'} if after.deleted else set())


def _check_member_rights(actor: Actor, changed: set[str], after: Element, rights: BoardRights) -> None:
    """Who manages the board is marked by the coordinator with the family at the start; after that adding or
    handing over needs someone who manages it. The household is chosen by them or the coordinator."""
    if 'manages' in changed or (after.deleted and after.props.get('manages')):
        starting = actor.role == Role.COORDINATOR and not rights.managers
        if not (rights.family_manages(actor) or starting):
            raise AccessDenied('managers_decide')
    if 'household' in changed and not rights.manages(actor):
        raise AccessDenied('managers_decide')


def _check_board_choices(actor: Actor, changed: set[str], after: Element, rights: BoardRights) -> None:
    """What a new card shows is chosen by those who manage the board; only the family switches concepts off."""
    if 'default_scope' in changed and not rights.manages(actor):
        raise AccessDenied('managers_decide')
    if 'concepts_first' in changed:
        switching_off = not after.props.get('concepts_first', True)
        if not (rights.family_manages(actor) or (not switching_off and rights.manages(actor))):
            raise AccessDenied('managers_decide')


def _check_goal(actor: Actor, before: dict[str, Any] | None, changed: set[str], after: dict[str, Any],
                rights: BoardRights) -> None:
    """A kader is set and changed by professionals; a goal becomes active only through a family member who manages
    the board; the family's own goals keep their words and their status unless the family changes them: a
    professional proposes, and never marks the family's goal reached."""
    if before is not None and before.get('kind') != after.get('kind'):
        raise AccessDenied('kind_fixed')
    if after.get('kind') == 'kader':
        if changed - MOVES and actor.role not in PROFESSIONALS:
            raise AccessDenied('kader_professionals_only')
        return
    if before is None:
        return
    accepting = 'status' in changed and after.get('status') == 'active'
    if accepting and not rights.family_manages(actor) and (not actor.in_family or before.get('status') == 'proposal'):
        raise AccessDenied('family_accepts')
    if actor.in_family:
        return
    family_words = before.get('written_by_role') in FAMILY_ROLES
    if family_words and changed & {'text', 'status', 'deleted'}:
        raise AccessDenied('family_words')
    if family_words and 'reached' in changed:
        raise AccessDenied('family_decides')


def _check_concept(actor: Actor, before: dict[str, Any], after: dict[str, Any], rights: BoardRights) -> None:
    """A professional marks their writing as a concept; only a family member who manages the board approves it."""
    was, now = bool(before.get('concept')), bool(after.get('concept'))
    if now and not was and actor.role not in PROFESSIONALS:
        raise AccessDenied('concept_professionals_only')
    if was and not now and not rights.family_manages(actor):
        raise AccessDenied('parent_approves')


def _check_scores(actor: Actor, before: list[dict[str, Any]], after: list[dict[str, Any]]) -> None:
    """The family scores how they see it, the coach how the coach sees it; neither fills in the other's."""
    old = {s['domain']: s for s in before}
    new = {s['domain']: s for s in after}
    for domain in old.keys() | new.keys():
        was, now = old.get(domain, {}), new.get(domain, {})
        if was.get('family') != now.get('family') and not actor.in_family:
            raise AccessDenied('family_scores')
        if was.get('coach') != now.get('coach') and actor.role not in PROFESSIONALS:
            raise AccessDenied('coach_scores')


def sees_presence(viewer: Actor, subject: Actor, rights: BoardRights) -> bool:
    """Whether `viewer` may know that `subject` is looking at the board now: only those who manage the board,
    and never anyone from whom one of the subject's cards is hidden. A youth is never shown to the family: their
    avatar vanishing the moment they write a card for the coordinator alone would tell the parents just that."""
    if viewer.id == subject.id:
        return True
    if not rights.manages(viewer) or (subject.role == Role.YOUTH and viewer.in_family):
        return False
    return all(can_see(viewer, e, rights) for e in rights.written_by.get(subject.id, ()))


def may_manage_pin(by: Actor, member_id: str, rights: BoardRights) -> bool:
    """A family member guards themselves; one who manages the board may set or clear the PIN of a member who does
    not (e.g. a child's), never that of another who manages it."""
    return by.id == member_id or (rights.family_manages(by) and member_id not in rights.managers)


class ActorGuard:
    """The rules above bound to one actor on one version of a board, in the shape `board.operations.apply_batch`
    asks for."""

    def __init__(self, actor: Actor, rights: BoardRights) -> None:
        self.actor = actor
        self.rights = rights

    def check(self, current: Element | None, visibility: Visibility | None, type_: ElementType | None) -> None:
        check_operation(self.actor, current, visibility, self.rights, type_)

    def default_visibility(self, type_: ElementType) -> Visibility:
        return default_visibility(self.actor, type_, self.rights)

    def check_change(self, before: Element | None, after: Element) -> None:
        check_change(self.actor, before, after, self.rights)

    def stamp(self, type_: ElementType, props: dict[str, Any], before: dict[str, Any] | None,
              now: str) -> dict[str, Any]:
        return stamp(self.actor, type_, props, before, now, self.rights)

    def can_see(self, element: Element) -> bool:
        return can_see(self.actor, element, self.rights)
