"""The game's own generator: splitmix64 steps, weighted picks, probabilities."""

from __future__ import annotations

from excomm_sim.engine import chance


def test_next_matches_the_splitmix64_reference_values() -> None:
    value, state = chance.next(0)
    assert value == 0xE220A8397B1DCDAF
    value, state = chance.next(state)
    assert value == 0x6E789E6AA1B965F4


def test_next_is_a_pure_function_of_the_state() -> None:
    assert chance.next(12345) == chance.next(12345)


def test_seed_state_separates_neighbouring_seeds() -> None:
    assert chance.seed_state(1) != chance.seed_state(2)
    assert chance.seed_state(-1) == chance.seed_state((1 << 64) - 1)


def test_below_stays_under_its_bound() -> None:
    state = chance.seed_state(3)
    for _ in range(1000):
        value, state = chance.below(state, 7)
        assert 0 <= value < 7


def test_pick_follows_the_weights_roughly() -> None:
    state = chance.seed_state(9)
    counts = [0, 0]
    for _ in range(4000):
        index, state = chance.pick(state, [1, 3])
        counts[index] += 1
    assert 800 < counts[0] < 1200


def test_pick_never_chooses_a_zero_or_negative_weight() -> None:
    state = chance.seed_state(5)
    for _ in range(500):
        index, state = chance.pick(state, [0, -4, 2])
        assert index == 2


def test_pick_with_all_weights_zero_is_uniform() -> None:
    state = chance.seed_state(5)
    seen = set()
    for _ in range(200):
        index, state = chance.pick(state, [0, 0, -1])
        seen.add(index)
    assert seen == {0, 1, 2}


def test_pick_always_uses_exactly_one_draw() -> None:
    state = chance.seed_state(11)
    _, after_pick = chance.pick(state, [5])
    _, after_next = chance.next(state)
    assert after_pick == after_next


def test_probabilities_mirror_pick_rules() -> None:
    assert chance.probabilities([1, 3, -2]) == (0.25, 0.75, 0.0)
    assert chance.probabilities([0, 0]) == (0.5, 0.5)
