"""Names hidden on a shared screen (network_graph/pseudonyms.py): initials or roles, never a name, face or number."""
import json

from app.i18n import say
from board.elements import Element
from network_graph.pseudonyms import hidden_props, initials, pseudonymise, role_of
from network_graph.summary import all_metrics

AYSE = {'name': 'Anneanne Ayşe', 'relation': 'moeder van Derya', 'ring': 2, 'sector': 'familie',
        'phone': '06-12345678', 'mail': 'ayse@example.nl', 'hours': 'hele dag', 'roles': ['oppas Noor'],
        'extra_roles': [{'role': 'oppas van Noor', 'ring': 3, 'sector': 'overig', 'distance': 0.5}],
        'practical': 'almost_always'}
DERYA = {'name': 'Derya Yılmaz', 'role': 'parent', 'photo': 'data:image/jpeg;base64,AAAA', 'color': '#E07A4F'}


def test_roles_say_what_someone_is_without_naming_them_or_the_family_member_they_belong_to():
    assert role_of('network_person', AYSE) == 'Moeder'
    assert role_of('network_person', {'relation': '', 'roles': ['buurvrouw'], 'sector': 'buren'}) == 'Buurvrouw'
    assert role_of('network_person', {'relation': '', 'roles': [], 'sector': 'buren'}) == 'Buren'
    assert role_of('family_member', DERYA) == 'Ouder'


def test_hidden_props_keep_the_place_and_the_netwerklijst_and_lose_every_identifying_detail():
    for mode, name in (('initials', 'AA'), ('roles', 'Moeder')):
        hidden = hidden_props('network_person', AYSE, mode)
        assert hidden['name'] == name
        assert (hidden['ring'], hidden['sector'], hidden['practical']) == (2, 'familie', 'almost_always')
        text = json.dumps(hidden, ensure_ascii=False)
        for secret in ('Ayşe', 'Derya', '06-12345678', 'ayse@example.nl', 'Noor'):
            assert secret not in text, (mode, secret)
    member = hidden_props('family_member', DERYA, 'initials')
    assert member == {'name': 'DY', 'role': 'parent', 'photo': None, 'color': '#E07A4F'}
    assert hidden_props('network_person', AYSE, 'names') is AYSE


def test_metrics_made_from_a_pseudonymised_board_name_nobody():
    elements = [Element(id='ayse', type='network_person', props=AYSE),
                Element(id='derya', type='family_member', props=DERYA),
                Element(id='t', type='tie', props={'a': 'ayse', 'b': 'derya', 'kind': 'conflict'})]
    metrics = all_metrics(pseudonymise(elements, 'roles'))
    assert 'Tussen Moeder en Ouder is een conflict.' in [say(sentence) for sentence in metrics['sentences']]
    metrics = json.dumps(metrics, ensure_ascii=False)
    assert 'Ayşe' not in metrics and 'Derya' not in metrics


def test_initials_are_letters_only_so_a_role_in_brackets_never_shows_as_o_bracket():
    assert initials('Oppas (betaald)') == 'OB'
    assert initials('P (POH)') == 'PP'
    assert initials('(?)') == '?'
    assert initials('Anneanne Ayşe') == 'AA' and initials('Ilse') == 'IL'


def test_a_role_is_one_short_readable_word_whatever_the_coach_typed():
    def role(relation: str, roles: tuple[str, ...] = ()) -> str:
        return role_of('network_person', {'relation': relation, 'roles': list(roles), 'sector': 'overig'})
    assert role('Praktijkondersteuner (POH) bij de huisarts') == 'Praktijkondersteuner'
    assert role('oppas (betaald) voor de kinderen') == 'Oppas'
    assert role('buurvrouw, ook oppas') == 'Buurvrouw'
    assert role('zorgcoördinator / gezinscoach') == 'Zorgcoördinator'
    assert role('huisarts') == 'Huisarts'
    assert role('(onbekend)', ('oppas van Noor',)) == 'Oppas'
    assert role('') == 'Overig'
