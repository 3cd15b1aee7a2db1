"""One translation table for every screen: Dutch first, English second.

`t('key')` looks the word up in the language of the current browser (stored per user, Dutch by
default). Error codes from `board/` are translated here too, so the core stays language-free.
"""
from __future__ import annotations

from typing import Any

LANGUAGES = ('nl', 'en')
DEFAULT_LANGUAGE = 'nl'

TABLE: dict[str, tuple[str, str]] = {
    'app.title': ('Planbord', 'Planbord'),
    'app.tagline': ('Eén gezin, één plan — samen op één bord.', 'One family, one plan — together on one board.'),
    'home.boards': ('Gezinsborden', 'Family boards'),
    'home.empty': ('Nog geen borden. Maak hieronder het eerste bord voor een gezin.',
                   'No boards yet. Create the first board for a family below.'),
    'home.new': ('Nieuw bord voor een gezin', 'New board for a family'),
    'home.family_name': ('Naam van het gezin', 'Family name'),
    'home.family_hint': ('Bijvoorbeeld: Familie Jansen', 'For example: Jansen family'),
    'home.create': ('Bord maken', 'Create board'),
    'home.name_required': ('Vul de naam van het gezin in.', 'Please fill in the family name.'),
    'home.created': ('Bord gemaakt', 'Board created'),
    'home.open': ('Openen', 'Open'),
    'home.your_name': ('Jouw naam op het bord', 'Your name on the board'),
    'home.saved_name': ('Naam opgeslagen', 'Name saved'),
    'board.not_found': ('Dit bord bestaat niet (meer).', 'This board does not exist (any more).'),
    'board.back': ('Alle borden', 'All boards'),
    'board.add_goal': ('Doel', 'Goal'),
    'board.add_agreement': ('Afspraak', 'Agreement'),
    'board.add_note': ('Notitie', 'Note'),
    'board.here_now': ('Nu op het bord', 'On the board now'),
    'board.readonly': ('Alleen kijken', 'View only'),
    'board.token_invalid': ('Deze link klopt niet of is verlopen. Vraag een nieuwe link aan de gezinscoach.',
                            'This link is not valid or has expired. Ask the family coach for a new link.'),
    'editor.new_goal': ('Nieuw doel', 'New goal'),
    'editor.new_agreement': ('Nieuwe afspraak', 'New agreement'),
    'editor.new_note': ('Nieuwe notitie', 'New note'),
    'editor.edit': ('Kaart bewerken', 'Edit card'),
    'editor.goal_text': ('Wat willen jullie bereiken? (in jullie eigen woorden)', 'What do you want to achieve? (in your own words)'),
    'editor.agreement_text': ('Wat wordt er gedaan?', 'What will be done?'),
    'editor.who': ('Wie doet het?', 'Who does it?'),
    'editor.note_text': ('Tekst', 'Text'),
    'editor.note_kind': ('Soort', 'Kind'),
    'editor.name': ('Naam', 'Name'),
    'editor.title': ('Titel', 'Title'),
    'editor.label': ('Onderschrift', 'Caption'),
    'editor.save': ('Opslaan', 'Save'),
    'editor.cancel': ('Annuleren', 'Cancel'),
    'editor.delete': ('Verwijderen', 'Delete'),
    'editor.deleted': ('Kaart verwijderd', 'Card deleted'),
    'editor.saved': ('Opgeslagen', 'Saved'),
    'editor.gone': ('Deze kaart is net verwijderd of niet meer zichtbaar voor jou.',
                    'This card was just deleted or is no longer visible to you.'),
    'type.goal': ('Doel', 'Goal'),
    'type.agreement': ('Afspraak', 'Agreement'),
    'type.note': ('Notitie', 'Note'),
    'type.strength': ('Kracht', 'Strength'),
    'type.worry': ('Zorg', 'Worry'),
    'type.question': ('Hulpvraag', 'Question for help'),
    'type.idea': ('Idee', 'Idea'),
    'type.zone': ('Zone', 'Zone'),
    'type.family_member': ('Gezinslid', 'Family member'),
    'type.network_person': ('Netwerk', 'Network'),
    'type.pictogram': ('Pictogram', 'Pictogram'),
    'canvas.drag_hint': ('Sleep kaarten met je vinger, pen of muis', 'Drag cards with finger, pen or mouse'),
    'canvas.reached': ('Bereikt', 'Reached'),
    'canvas.until': ('tot', 'until'),
    'lang.switch': ('English', 'Nederlands'),
    'error.invalid_operation': ('Dit verzoek begrijpen we niet; er is niets veranderd.',
                                'We did not understand this request; nothing was changed.'),
    'error.unknown_type': ('Dit soort kaart kennen we niet; er is niets veranderd.',
                           'We do not know this kind of card; nothing was changed.'),
    'error.batch_too_large': ('Te veel wijzigingen tegelijk; probeer het in delen.',
                              'Too many changes at once; please try in parts.'),
    'error.invalid_props': ('Er klopt iets niet: {fields}', 'Something is not right: {fields}'),
    'error.not_found': ('Deze kaart bestaat niet (meer).', 'This card does not exist (any more).'),
    'error.exists': ('Deze kaart bestaat al.', 'This card already exists.'),
    'error.bad_reference': ('Deze kaart verwijst naar iets dat niet (meer) bestaat.',
                            'This card refers to something that does not exist (any more).'),
    'error.read_only': ('Op dit scherm kun je alleen kijken.', 'On this screen you can only look.'),
    'error.visibility_forbidden': ('Alleen een ouder of de zorgcoördinator bepaalt wie dit mag zien.',
                                   'Only a parent or the care coordinator decides who may see this.'),
    'error.storage_unavailable': ('Opslaan lukte even niet; je wijziging is niet bewaard. Probeer het opnieuw.',
                                  'Saving failed just now; your change was not kept. Please try again.'),
    'problem.too_long': ('{field} is te lang (hoogstens {max} tekens)', '{field} is too long (at most {max} characters)'),
    'problem.empty': ('{field} is nog leeg', '{field} is still empty'),
    'problem.missing': ('{field} ontbreekt', '{field} is missing'),
    'problem.end_before_start': ('{field} ligt vóór de startdatum', '{field} is before the start date'),
    'problem.unknown_field': ('{field} kennen we niet', 'we do not know {field}'),
    'problem.bad_reference': ('{field} verwijst naar iets dat niet bestaat', '{field} refers to something missing'),
    'problem.not_allowed': ('{field} heeft een waarde die niet kan', '{field} has a value that is not allowed'),
    'problem.invalid': ('{field} klopt niet', '{field} is not valid'),
    'field.text': ('De tekst', 'The text'),
    'field.who': ('Wie', 'Who'),
    'field.name': ('De naam', 'The name'),
    'field.planned_end': ('De geplande einddatum', 'The planned end date'),
    'field.reached': ('De datum bereikt', 'The date reached'),
    'field.done': ('De datum klaar', 'The date done'),
    'field.goal_id': ('Het doel', 'The goal'),
}


def translate(key: str, language: str = DEFAULT_LANGUAGE, **values: Any) -> str:
    """The text for `key` in `language`; an unknown key shows itself, so a gap is visible, not a crash."""
    pair = TABLE.get(key)
    text = key if pair is None else pair[LANGUAGES.index(language) if language in LANGUAGES else 0]
    return text.format(**values) if values else text


def error_message(error: dict[str, Any], language: str = DEFAULT_LANGUAGE) -> str:
    """A clear sentence for an error from the board hub (see `board.operations.OperationError.as_dict`)."""
    code = error.get('code', 'invalid_operation')
    fields = '; '.join(
        translate(f"problem.{f.get('problem', 'invalid')}", language,
                  field=translate(f"field.{f.get('field')}", language) if f"field.{f.get('field')}" in TABLE
                  else f.get('field'), max=f.get('max', ''))
        for f in error.get('fields', []))
    return translate(f'error.{code}', language, fields=fields) if f'error.{code}' in TABLE \
        else translate('error.invalid_operation', language)
