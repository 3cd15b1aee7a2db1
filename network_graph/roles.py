"""What a betrokkene is to the family, in words: the roles they play (some play several, in more than one ring:
the neighbour who is also paid to babysit) and whose side of the family they are on."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from board.elements import Ring

from .graph import Network
from .pseudonyms import short_role
from .schema_layout import RING_LABELS
from .structure import brief


def role_words(person: Mapping[str, Any]) -> list[str]:
    """Each role once, as a short word in a sentence ('buurvrouw', 'oppas'): from the relation, the roles, and the
    roles with a place of their own on the schema (`extra_roles`)."""
    texts = [person.get('relation', ''), *person.get('roles', []), *(r.get('role', '') for r in
                                                                    person.get('extra_roles') or [])]
    words: list[str] = []
    for text in texts:
        word = short_role(text)
        word = word[:1].lower() + word[1:]
        if word and word.casefold() not in (w.casefold() for w in words):
            words.append(word)
    return words


def several_roles(net: Network) -> dict[str, Any]:
    """People who help in more than one role: 'Ilse helpt op twee manieren: als buurvrouw en als oppas'."""
    people = [brief(p) | {'roles': words} for p in net.network_people() if len(words := role_words(p)) > 1]
    return {'count': len(people), 'people': people}


def side_name(props: Mapping[str, Any], names: Mapping[str, str]) -> str | None:
    """The name of the family member whose side this relative is on (`names`: the family members the reader may
    see, by id), or ``None``: not told, not in the familie sector, or someone the reader may not see."""
    return names.get(props.get('side') or '') if props.get('sector') == 'familie' else None


def on_paper(person: Mapping[str, Any], names: Mapping[str, str]) -> list[str]:
    """Whose side and the other roles, in Dutch for the plan and the call list: 'kant Derya Yılmaz',
    'ook oppas (professionals)'."""
    side = side_name(person, names)
    return ([f'kant {side}'] if side else []) + [
        f"ook {role.get('role', '')} ({RING_LABELS.get(role.get('ring', Ring.INFORMAL), 'Netwerk').lower()})"
        for role in person.get('extra_roles') or []]
