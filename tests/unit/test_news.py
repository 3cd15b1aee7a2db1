"""Others' changes are told to a screen reader as one short summary every few seconds, never one by one."""
from __future__ import annotations

from itertools import pairwise

from app.news import News, changed_cards, sentence


class Timer:
    def __init__(self, timers: Timers, entry: tuple[float, object]) -> None:
        self.timers, self.entry = timers, entry

    def cancel(self) -> None:
        if self.entry in self.timers.waiting:
            self.timers.waiting.remove(self.entry)


class Timers:
    """A clock and timers that move only when the test says so."""

    def __init__(self) -> None:
        self.now = 0.0
        self.waiting: list[tuple[float, object]] = []

    def schedule(self, delay: float, callback) -> Timer:
        timer = Timer(self, (self.now + delay, callback))
        self.waiting.append(timer.entry)
        return timer

    def run_until(self, moment: float) -> None:
        while due := sorted((w for w in self.waiting if w[0] <= moment), key=lambda w: w[0]):
            self.waiting.remove(due[0])
            self.now = due[0][0]
            due[0][1]()
        self.now = moment


def news(said: list[dict[str, int]], timers: Timers) -> News:
    return News(said.append, every=5, settle=1.5, schedule=timers.schedule, clock=lambda: timers.now)


def test_a_two_second_drag_is_told_once_as_one_card_when_it_ends() -> None:
    said: list[dict[str, int]] = []
    timers = Timers()
    changes = news(said, timers)
    for step in range(50):
        timers.run_until(step * 0.04)
        changes.note('Derya', ['goal-2'])
    timers.run_until(10)
    assert said == [{'Derya': 1}]


def test_a_burst_by_two_people_is_summed_up_per_person() -> None:
    said: list[dict[str, int]] = []
    timers = Timers()
    changes = news(said, timers)
    changes.note('Derya', ['goal-1', 'goal-2'])
    changes.note('Jolien', ['note-1'])
    changes.note('Derya', ['goal-3', 'goal-1'])
    timers.run_until(1.4)
    assert said == []
    timers.run_until(1.6)
    assert said == [{'Derya': 3, 'Jolien': 1}]


def test_at_most_one_summary_every_few_seconds_and_nothing_left_untold() -> None:
    said: list[tuple[float, dict[str, int]]] = []
    timers = Timers()
    changes = News(lambda counts: said.append((timers.now, counts)), every=5, settle=1.5,
                   schedule=timers.schedule, clock=lambda: timers.now)
    for second in range(20):
        timers.run_until(second)
        changes.note('Derya', [f'card-{second}'])
    timers.run_until(30)
    moments = [moment for moment, _ in said]
    assert all(later - earlier >= 5 for earlier, later in pairwise(moments))
    assert moments[0] <= 5, 'someone busy for a long time is still told about within a few seconds'
    assert sum(counts['Derya'] for _, counts in said) == 20


def test_stop_says_nothing_more() -> None:
    said: list[dict[str, int]] = []
    timers = Timers()
    changes = news(said, timers)
    changes.note('Derya', ['goal-1'])
    changes.stop()
    timers.run_until(10)
    assert said == []


def test_the_summary_in_dutch_and_english() -> None:
    assert sentence({'Derya': 3, 'Jolien Bakker': 1}, 'nl') == \
        'Derya heeft 3 kaarten veranderd. Jolien Bakker heeft een kaart veranderd.'
    assert sentence({'Derya': 2}, 'en') == 'Derya changed 2 cards.'


def test_the_cards_a_commit_changed() -> None:
    message = {'type': 'commit', 'seq': 9, 'by': 'fm-derya', 'changes': [
        {'kind': 'put', 'element': {'id': 'note-7'}}, {'kind': 'patch', 'id': 'goal-2', 'props': {'x': 1}},
        {'kind': 'remove', 'id': 'goal-3'}]}
    assert changed_cards(message) == ['note-7', 'goal-2', 'goal-3']
