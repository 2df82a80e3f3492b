"""Exercise checks for lesson 05 (successive halving and Hyperband)."""

from __future__ import annotations

import numpy as np

from ._base import Feedback, correct, not_yet

__all__ = ["check_halving_cost", "check_bracket", "check_survivors"]


def check_halving_cost(from_scratch, with_checkpoints) -> Feedback:
    """Exercise 1: epochs spent by successive halving with 27 configurations, eta = 3, budgets 1 ... 27.

    Examples
    --------
    >>> bool(check_halving_cost(108, 81))
    True
    """
    if from_scratch != 108:
        if from_scratch == 27 * 27:
            return not_yet("27 x 27 = 729 epochs is what random search would spend on the same 27 configurations.",
                           "Only 9 go on to 3 epochs, 3 to 9 epochs and 1 to 27 epochs.")
        return not_yet(f"{from_scratch!r} epochs from scratch is not right.",
                       "Add up configurations x epochs over the rounds: 27 x 1 + 9 x 3 + 3 x 9 + 1 x 27.")
    if with_checkpoints != 81:
        return not_yet(f"from scratch is right (108); {with_checkpoints!r} with checkpoints is not.",
                       "A promoted configuration trains only the extra epochs: 9 x (3 - 1) in round 1, "
                       "3 x (9 - 3) in round 2, ...")
    return correct("108 epochs from scratch, 81 with checkpoints: each round costs about as much as the first, "
                   "and 27 configurations cost what 3 full trainings would.")


def check_bracket(rounds) -> Feedback:
    """Exercise 2: the bracket s = 2 of Hyperband with R = 27, eta = 3, as ``[(n, budget), ...]``.

    Examples
    --------
    >>> bool(check_bracket([(12, 3), (4, 9), (1, 27)]))
    True
    """
    from ..search.schedules import hyperband_brackets

    expected = [(n, r) for b in hyperband_brackets(27, 3) if b["s"] == 2 for n, r in zip(b["n"], b["budget"])]
    try:
        given = [(int(n), float(r)) for n, r in rounds]
    except (TypeError, ValueError):
        return not_yet(f"give a list of (configurations, budget) pairs, got {rounds!r}.", "[(12, 3), ...]")
    if given == [(n, float(r)) for n, r in expected]:
        return correct("12 @ 3, 4 @ 9, 1 @ 27: n = ceil(4/3 x 9) = 12 configurations start at 27 / 3^2 = 3 epochs.")
    if len(given) != 3:
        return not_yet(f"bracket s = 2 has 3 rounds (s + 1), you gave {len(given)}.", "Rounds i = 0, 1, 2.")
    if [r for _, r in given] != [3.0, 9.0, 27.0]:
        return not_yet(f"the budgets {[r for _, r in given]} are not right.",
                       "Round i of bracket s gets R x eta^(i - s): 27 / 9, 27 / 3, 27.")
    if given[0][0] == 9:
        return not_yet("9 configurations is eta^s; Hyperband starts more in the less aggressive brackets.",
                       "n = ceil((s_max + 1) / (s + 1) x eta^s) with s_max = 3.")
    return not_yet(f"the numbers of configurations {[n for n, _ in given]} are not right.",
                   "Start n = ceil(4 / 3 x 9); round i keeps floor(n / 3^i).")


def check_survivors(keep) -> Feedback:
    """Exercise 3: ``keep(scores, eta)`` returns the indices of the configurations that go on.

    The best ``floor(n / eta)`` by score (higher is better), never one whose score is NaN.

    Examples
    --------
    >>> bool(check_survivors(lambda s, eta: list(np.argsort(-np.nan_to_num(s, nan=-np.inf))[:len(s) // eta])))
    True
    """
    if not callable(keep):
        return not_yet(f"pass your function itself, got {keep!r}.", "check_survivors(keep)")
    cases = [([0.2, 0.9, 0.5, 0.7, 0.1, 0.8, 0.3, 0.6, 0.4], 3, {1, 5, 3}),
             ([0.5, 0.1, 0.4, 0.3], 2, {0, 2}),
             ([np.nan, 0.2, np.nan, 0.1, 0.3, 0.05], 3, {4, 1}),
             ([0.9, 0.8], 3, set())]
    for scores, eta, expected in cases:
        try:
            got = {int(i) for i in keep(np.array(scores), eta)}
        except Exception as exc:
            return not_yet(f"keep({scores}, {eta}) raised {type(exc).__name__}: {exc}",
                           "Take the scores as a NumPy array and eta as an int; return a list of indices.")
        if got != expected:
            if any(np.isnan(scores[i]) for i in got if 0 <= i < len(scores)):
                return not_yet(f"keep({scores}, {eta}) promoted a NaN score: {sorted(got)}.",
                               "np.argsort puts NaN last in ascending order, first in descending: treat NaN "
                               "as -inf.")
            return not_yet(f"keep({scores}, {eta}) gave {sorted(got)}, expected {sorted(expected)}.",
                           "Keep floor(n / eta) configurations: the highest scores.")
    return correct("your keep() promotes the top floor(n / eta) and never a failed run.")
