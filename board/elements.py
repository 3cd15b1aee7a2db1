"""Element records: the typed things that live on a board.

Every element is a plain record (id, type, props, visibility, version, who changed it last).
Each type has a pydantic model for its props, so a patch is validated against the whole merged
record before it is accepted: a goal's end date can never land before its start date, whichever
client sent which half.
"""
from __future__ import annotations

import datetime as dt
import secrets
from enum import IntEnum, StrEnum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError, model_validator
from pydantic_core import PydanticCustomError

MAX_TEXT = 2000
"""Longest free text a card may hold: a paragraph, not a document."""

MAX_NAME = 120
COORDINATE_LIMIT = 1_000_000.0

Text = Annotated[str, StringConstraints(max_length=MAX_TEXT)]
Name = Annotated[str, StringConstraints(max_length=MAX_NAME)]
ElementId = Annotated[str, StringConstraints(pattern=r'^[A-Za-z0-9_-]{1,64}$')]


def new_id(prefix: str) -> str:
    """A fresh element id that nobody can guess (96 random bits), after a prefix a reader recognises (``goal-…``):
    probing ids finds nothing, even where an answer must say that an id is taken."""
    return f'{prefix}-{secrets.token_urlsafe(12)}'


Coordinate = Annotated[float, Field(ge=-COORDINATE_LIMIT, le=COORDINATE_LIMIT, allow_inf_nan=False)]
PhotoDataUrl = Annotated[str, StringConstraints(pattern=r'^data:image/jpeg;base64,[A-Za-z0-9+/=]+$', max_length=60_000)]
"""A small square JPEG made on the server by `board.photos` (a 256px one is ~10–25 KB); never a link."""


class ElementType(StrEnum):
    FAMILY_MEMBER = 'family_member'
    NETWORK_PERSON = 'network_person'
    TIE = 'tie'
    GOAL = 'goal'
    AGREEMENT = 'agreement'
    NOTE = 'note'
    ZONE = 'zone'
    PICTOGRAM = 'pictogram'
    FAMILY_INFO = 'family_info'
    EVALUATION = 'evaluation'
    MOMENT = 'moment'


class LifeDomain(StrEnum):
    """The levensdomeinen of the gezinsplan."""
    WONEN = 'wonen'
    WERK = 'werk_dagbesteding'
    INKOMEN = 'inkomen_schulden'
    OPVOEDING = 'opvoeding'
    ONDERWIJS = 'onderwijs'
    LICHAMELIJK = 'lichamelijke_gezondheid'
    PSYCHISCH = 'psychische_gezondheid'
    VERSLAVING = 'verslaving'
    VEILIGHEID = 'huiselijk_geweld_veiligheid'
    JUSTITIE = 'justitie'
    NETWERK = 'sociaal_netwerk'
    VRIJE_TIJD = 'vrije_tijd'


class Sector(StrEnum):
    """Categories of the netwerkschema."""
    GEZIN = 'gezin'
    FAMILIE = 'familie'
    VRIENDEN = 'vrienden'
    KENNISSEN = 'kennissen'
    BUREN = 'buren'
    WERK_SCHOOL = 'werk_school'
    VERENIGINGEN = 'verenigingen'
    RELIGIE = 'religie'
    INSTANTIES = 'instanties'
    OVERIG = 'overig'


class Ring(IntEnum):
    """The three rings of 1G1P cooperation."""
    FAMILY = 1
    INFORMAL = 2
    PROFESSIONAL = 3


class _Props(BaseModel):
    model_config = ConfigDict(extra='forbid', use_enum_values=True)


class _Placed(_Props):
    """Anything that sits on the canvas has a position; positions are props like any other."""
    x: Coordinate = 0.0
    y: Coordinate = 0.0


class Signature(_Props):
    """Who did something, and when (ISO 8601): stamped by the server, never sent by a client."""
    id: Name
    name: Name = ''
    at: Name = ''


class _Draft(_Props):
    """What a professional writes can be a concept: seen by the family (and its author) first, and by the others
    only after a parent approves. `concept` is set by whoever writes it; the signatures by the server."""
    concept: bool = False
    concept_by: Signature | None = None
    """Who marked it concept: they keep seeing their own draft."""
    approved_by: Signature | None = None
    """The parent who approved it (set when `concept` is turned off)."""


def _check_period(start: dt.date | None, end: dt.date | None, field: str) -> None:
    if start and end and end < start:
        raise PydanticCustomError('end_before_start', '{field} is before the start date', {'field': field})


Weekday = Literal['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo']


class FamilyInfo(_Props):
    """Algemene informatie gezin: one per board (id ``family-info``)."""
    start_date: dt.date | None = None
    address: Name = ''
    phone: Name = ''
    mail: Name = ''
    important: Text = ''
    """"Belangrijke informatie voor iedereen", e.g. "Bel Derya liever na 15:00"."""
    coordinator_id: ElementId | None = None
    """The zorgcoördinator: one of the betrokkenen."""
    afstemming: list[Literal['mail', 'telefoon', 'overleg', 'anders']] = Field(default_factory=list, max_length=4)
    afstemming_text: Text = ''
    """Afspraken over afstemming: how the parties keep each other informed."""
    default_scope: Literal['everyone', 'family_coordinator', 'family'] | None = None
    """"Wat zien anderen standaard?": who sees a new card when nobody chooses, chosen with the family;
    ``None`` keeps each type's own default (`board.access.DEFAULT_SCOPES`)."""
    concepts_first: bool = True
    """What a professional writes into the plan starts as a concept the family approves; a parent who manages
    the board may switch this off."""


class FamilyMember(_Placed):
    name: Name = Field(min_length=1)
    role: Literal['parent', 'child', 'youth', 'other'] = 'other'
    birth_date: dt.date | None = None
    color: Annotated[str, StringConstraints(pattern=r'^#[0-9a-fA-F]{6}$')] | None = None
    photo: PhotoDataUrl | None = None
    """Shown instead of the initials; it travels with the member, so it is seen exactly by those who see them."""
    manages: bool = False
    """Manages the board with the coordinator: access, devices, invitations, others' sharing, "Wie deed wat",
    downloading and erasing. Being a parent is not enough: a parent who lives elsewhere may not."""
    household: bool = True
    """Belongs to "ons gezin" on this board: what "Alleen ons gezin" and "Gezin en coördinator" mean."""


HowOften = Literal['hardly_ever', 'sometimes', 'almost_always']
"""The Social Network Map's three-step scale (Tracy & Whittaker, 1990), used by the netwerklijst."""
SUPPORT_KINDS = ('practical', 'emotional', 'information')
"""The kinds of support the netwerklijst asks about, in the order shown; each a `HowOften` of `NetworkPerson`."""


Distance = Annotated[float, Field(ge=0, le=1)]
"""Where in its ring on the netwerkschema: 0 closest to the centre, 1 furthest out."""


class VipPlacement(_Props):
    """Where someone sits on one family member's own schema (the VIP view of a youth or child)."""
    member: ElementId
    """The family member in the centre of that schema."""
    ring: Ring = Ring.INFORMAL
    sector: Sector = Sector.OVERIG
    distance: Distance = 0.5


class ExtraRole(_Props):
    """Another role the same person plays, with its own place on the family's netwerkschema: the neighbour who is
    also paid as the children's babysitter (ring 3), the home help who has become a friend (ring 2)."""
    role: Name = Field(min_length=1)
    """A short word for the role, e.g. ``oppas``."""
    ring: Ring = Ring.INFORMAL
    sector: Sector = Sector.OVERIG
    distance: Distance = 0.5


class NetworkPerson(_Placed):
    """A betrokkene: someone from the network (ring 2) or a professional (ring 3), with their netwerklijst row.

    The netwerklijst follows the Social Network Map: what kind of support this person gives, how often,
    and how the relationship is. Every scale is optional: a row is filled in with taps, bit by bit.
    """
    name: Name = Field(min_length=1)
    relation: Name = ''
    organisation: Name = ''
    sector: Sector = Sector.OVERIG
    ring: Ring = Ring.INFORMAL
    distance: Distance = 0.5
    roles: list[Name] = Field(default_factory=list, max_length=10)
    """A person may play several roles: the home help who also listens."""
    extra_roles: list[ExtraRole] = Field(default_factory=list, max_length=4)
    """Roles that put this person in another ring or sector as well: a bridge between rings on the schema."""
    side: ElementId | None = None
    """Whose side of the family they are on: the family member (a parent) through whom they belong, e.g. the
    grandmother on the mother's side. Read in the sector `familie`; `None` when unknown or not told."""
    phone: Name = ''
    mail: Name = ''
    days: list[Weekday] = Field(default_factory=list, max_length=7)
    """Days when reachable."""
    hours: Name = ''
    practical: HowOften | None = None
    emotional: HowOften | None = None
    information: HowOften | None = None
    critical: HowOften | None = None
    """How often this person is critical of the family (member)."""
    direction: Literal['both', 'they_help', 'we_help'] | None = None
    closeness: Literal['not_very', 'fairly', 'very'] | None = None
    contact: Literal['hardly_ever', 'few_times_a_year', 'monthly', 'weekly', 'daily'] | None = None
    known: Literal['lt_1', '1_5', 'gt_5'] | None = None
    """How long known: under 1 year, 1–5 years, over 5 years."""
    vip: list[VipPlacement] = Field(default_factory=list, max_length=20)
    """Family members whose own schema this person is on, and where; the whole-family schema uses
    `ring`, `sector` and `distance` above."""

    @model_validator(mode='after')
    def _one_place_per_schema(self) -> NetworkPerson:
        members = [placement.member for placement in self.vip]
        if len(members) != len(set(members)):
            raise PydanticCustomError('duplicate_member', 'a person sits twice on one schema', {'field': 'vip'})
        return self


class Tie(_Props):
    """A line between two people who know each other."""
    a: ElementId
    b: ElementId
    kind: Literal['normal', 'tense', 'conflict'] = 'normal'

    @model_validator(mode='after')
    def _distinct(self) -> Tie:
        if self.a == self.b:
            raise ValueError('a tie needs two different people')
        return self


class Goal(_Placed, _Draft):
    """A goal in the family's own words. `number`, `written_by*` are set by the server and never change."""
    text: Text = Field(min_length=1)
    owners: list[ElementId] = Field(default_factory=list, max_length=20)
    """Whose goal it is: family members."""
    supporters: list[ElementId] = Field(default_factory=list, max_length=30)
    """Who supports it: betrokkenen or family members."""
    domain: LifeDomain | None = None
    start: dt.date | None = None
    planned_end: dt.date | None = None
    reached: dt.date | None = None
    progress: Annotated[int, Field(ge=0, le=10)] | None = None
    kind: Literal['goal', 'kader'] = 'goal'
    """A `kader` is a limit set for safety (e.g. a binding agreement with youth protection), not the family's own
    goal."""
    status: Literal['proposal', 'active', 'removed'] = 'active'
    """A professional's goal stays a `proposal` until the family accepts it; `removed` goals stay in history."""
    number: Annotated[int, Field(ge=1)] | None = None
    written_by: Name = ''
    written_by_name: Name = ''
    written_by_role: Name = ''

    @model_validator(mode='after')
    def _dates(self) -> Goal:
        _check_period(self.start, self.planned_end, 'planned_end')
        _check_period(self.start, self.reached, 'reached')
        return self


PROGRESS_FACES: tuple[tuple[int, str], ...] = ((3, 'worried'), (6, 'content'), (10, 'glad'))
"""A goal's progress as a face a child understands: each face up to and including its number, the same on the board
(the canvas gets this as a prop) and in the plan. Eleven steps split 4–3–4, so a 7 is already glad."""


def progress_face(progress: int) -> str:
    """The face of `progress` (0–10) in `PROGRESS_FACES`."""
    return next((face for up_to, face in PROGRESS_FACES if progress <= up_to), PROGRESS_FACES[-1][1])


class Agreement(_Placed, _Draft):
    """Wie doet wat en wanneer."""
    text: Text = Field(min_length=1)
    who: Name = ''
    who_ids: list[ElementId] = Field(default_factory=list, max_length=20)
    goal_id: ElementId | None = None
    start: dt.date | None = None
    planned_end: dt.date | None = None
    done: dt.date | None = None
    standard: Literal['eindevaluatie', 'informeren'] | None = None
    """The two agreements every plan has."""
    number: Annotated[int, Field(ge=1)] | None = None

    @model_validator(mode='after')
    def _dates(self) -> Agreement:
        _check_period(self.start, self.planned_end, 'planned_end')
        _check_period(self.start, self.done, 'done')
        return self

    def overdue(self, today: dt.date) -> bool:
        return self.done is None and self.planned_end is not None and self.planned_end < today


class Note(_Placed, _Draft):
    kind: Literal['note', 'strength', 'worry', 'question', 'idea', 'verslag'] = 'note'
    """`verslag`: the minutes of a meeting."""
    text: Text = Field(min_length=1)


class Zone(_Placed):
    """A labelled area (krachten, zorgen, toekomst, …) that cards are grouped in."""
    title: Name = ''
    kind: Literal['free', 'krachten', 'zorgen', 'hulpvraag', 'toekomst'] = 'free'
    w: Annotated[float, Field(ge=80, le=20_000)] = 600
    h: Annotated[float, Field(ge=80, le=20_000)] = 400


class Pictogram(_Placed):
    icon: Literal['home', 'school', 'money', 'heart', 'bed', 'ball', 'phone', 'star', 'sun', 'people'] = 'star'
    label: Name = ''


class GoalPoints(_Props):
    goal_id: ElementId
    points: Text = ''
    """Key points: how far is it reached, what helped, what got in the way."""
    next_steps: Text = ''


class SelfRelianceScore(_Props):
    """Zelfredzaamheid on one levensdomein, 1 (acute problem) to 5 (fully self-reliant), seen twice."""
    domain: LifeDomain
    family: Annotated[int, Field(ge=1, le=5)] | None = None
    coach: Annotated[int, Field(ge=1, le=5)] | None = None


class Evaluation(_Draft):
    """An (interim) evaluation: key points per goal, next steps, and zelfredzaamheid scores."""
    date: dt.date
    kind: Literal['start', 'tussentijds', 'eind'] = 'tussentijds'
    summary: Text = ''
    next_steps: Text = ''
    goals: list[GoalPoints] = Field(default_factory=list, max_length=50)
    scores: list[SelfRelianceScore] = Field(default_factory=list, max_length=len(LifeDomain))

    @model_validator(mode='after')
    def _one_score_per_domain(self) -> Evaluation:
        domains = [score.domain for score in self.scores]
        if len(domains) != len(set(domains)):
            raise PydanticCustomError('duplicate_domain', 'a levensdomein is scored twice', {'field': 'scores'})
        return self


class Moment(_Props):
    """A saved moment ("Start", "Na 3 maanden"): the board as it was then stays in the op log, so a moment only
    remembers where in the log it was saved. `seq` is set by the server and never changes."""
    name: Name = Field(min_length=1)
    date: dt.date | None = None
    """The day it was saved, as the saving device says; only shown, never used to find the board as it was."""
    seq: Annotated[int, Field(ge=0)] | None = None
    """The board's sequence number it was saved at: the batch that created it."""


PROPS_MODELS: dict[ElementType, type[_Props]] = {
    ElementType.FAMILY_MEMBER: FamilyMember,
    ElementType.NETWORK_PERSON: NetworkPerson,
    ElementType.TIE: Tie,
    ElementType.GOAL: Goal,
    ElementType.AGREEMENT: Agreement,
    ElementType.NOTE: Note,
    ElementType.ZONE: Zone,
    ElementType.PICTOGRAM: Pictogram,
    ElementType.FAMILY_INFO: FamilyInfo,
    ElementType.EVALUATION: Evaluation,
    ElementType.MOMENT: Moment,
}

DRAFTABLE = (ElementType.GOAL, ElementType.AGREEMENT, ElementType.NOTE, ElementType.EVALUATION)
"""Types a professional may write as a concept for the family to approve first."""
CONCEPT_STAMPS = frozenset({'concept_by', 'approved_by'})
"""Who marked a concept and who approved it, when: stamped by the server whenever `concept` changes."""

SERVER_PROPS: dict[ElementType, frozenset[str]] = {
    ElementType.GOAL: frozenset({'number', 'written_by', 'written_by_name', 'written_by_role'}) | CONCEPT_STAMPS,
    ElementType.AGREEMENT: frozenset({'number'}) | CONCEPT_STAMPS,
    ElementType.NOTE: CONCEPT_STAMPS,
    ElementType.EVALUATION: CONCEPT_STAMPS,
    ElementType.MOMENT: frozenset({'seq'}),
}
"""Props only the server sets: a client never sends them, on a create or an update."""

NUMBERED = (ElementType.GOAL, ElementType.AGREEMENT)
"""Types that get the next free number on creation; numbers are never reused or changed."""

SEQUENCED = (ElementType.MOMENT,)
"""Types that get the board sequence number of the batch that creates them, as their `seq` prop."""

SINGLETON_IDS: dict[ElementType, str] = {ElementType.FAMILY_INFO: 'family-info'}
"""Types a board holds at most once, always under this id."""

REFERENCES: dict[ElementType, dict[str, tuple[ElementType, ...]]] = {
    ElementType.NETWORK_PERSON: {'vip.member': (ElementType.FAMILY_MEMBER,), 'side': (ElementType.FAMILY_MEMBER,)},
    ElementType.TIE: {'a': (ElementType.FAMILY_MEMBER, ElementType.NETWORK_PERSON),
                      'b': (ElementType.FAMILY_MEMBER, ElementType.NETWORK_PERSON)},
    ElementType.GOAL: {'owners': (ElementType.FAMILY_MEMBER,),
                       'supporters': (ElementType.FAMILY_MEMBER, ElementType.NETWORK_PERSON)},
    ElementType.AGREEMENT: {'goal_id': (ElementType.GOAL,),
                            'who_ids': (ElementType.FAMILY_MEMBER, ElementType.NETWORK_PERSON)},
    ElementType.FAMILY_INFO: {'coordinator_id': (ElementType.NETWORK_PERSON,)},
    ElementType.EVALUATION: {'goals.goal_id': (ElementType.GOAL,)},
}
"""Props that point at other elements, and the types they may point at."""


class Scope(StrEnum):
    """Who may see an element; the rules themselves live in `board.access`."""
    FAMILY = 'family'
    FAMILY_COORDINATOR = 'family_coordinator'
    EVERYONE = 'everyone'
    NAMED = 'named'


class Visibility(BaseModel):
    model_config = ConfigDict(extra='forbid', frozen=True, use_enum_values=True)
    scope: Scope = Scope.EVERYONE
    names: tuple[Name, ...] = Field(default=(), max_length=50)
    """For the `named` scope: actor ids or organisation keys (e.g. ``org:school``)."""


class Element(BaseModel):
    """One record on the board, as stored, exported and sent to clients."""
    model_config = ConfigDict(extra='forbid', frozen=True)
    id: ElementId
    type: ElementType
    props: dict[str, Any]
    visibility: Visibility = Visibility()
    version: int = 1
    seq: int = 0
    created_by: str = ''
    created_at: str = ''
    updated_by: str = ''
    updated_at: str = ''
    deleted: bool = False

    def public(self) -> dict[str, Any]:
        """The record as a client receives it (no tombstone flag, no server bookkeeping)."""
        return self.model_dump(mode='json', exclude={'deleted', 'seq', 'created_at', 'created_by'})


class PropsError(ValueError):
    """Props that do not fit their element type; `fields` names what is wrong."""

    def __init__(self, fields: list[dict[str, Any]]) -> None:
        super().__init__('; '.join(f"{f['field']}: {f['problem']}" for f in fields))
        self.fields = fields


def validate_props(type_: ElementType, props: dict[str, Any]) -> dict[str, Any]:
    """Validate a complete props record and return it in canonical JSON form."""
    model = PROPS_MODELS[type_]
    try:
        return model.model_validate(props).model_dump(mode='json')
    except ValidationError as error:
        raise PropsError([_describe(e) for e in error.errors()]) from None


def _describe(error: Any) -> dict[str, Any]:
    field = '.'.join(str(p) for p in error['loc']) or error.get('ctx', {}).get('field', '*')
    kind = error['type']
    problem = {
        'string_too_long': 'too_long', 'too_long': 'too_many', 'string_too_short': 'empty',
        'missing': 'missing', 'extra_forbidden': 'unknown_field', 'literal_error': 'not_allowed',
        'enum': 'not_allowed', 'end_before_start': 'end_before_start', 'duplicate_domain': 'duplicate',
        'duplicate_member': 'duplicate',
        'greater_than_equal': 'out_of_range', 'less_than_equal': 'out_of_range',
    }.get(kind, 'invalid')
    result = {'field': field, 'problem': problem}
    if 'max_length' in error.get('ctx', {}):
        result['max'] = error['ctx']['max_length']
    return result
