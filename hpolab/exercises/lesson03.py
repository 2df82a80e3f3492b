"""Exercise checks for lesson 03 (random search)."""

from __future__ import annotations

import numpy as np

from ._base import Feedback, correct, not_yet

__all__ = ["check_trials_needed", "check_log_uniform"]


def check_trials_needed(n_trials) -> Feedback:
    """Exercise 1: the fewest random trials that hit the top 1 % with a chance of at least 90 %.

    Examples
    --------
    >>> bool(check_trials_needed(230))
    True
    """
    from ..search_math import hit_probability, trials_needed

    expected = trials_needed(0.01, 0.90)
    if n_trials is None:
        return not_yet("replace None with your answer, a whole number of trials.",
                       "Solve 1 - (1 - q)^n >= p for n, with q = 0.01 and p = 0.9.")
    if isinstance(n_trials, bool) or not isinstance(n_trials, (int, np.integer)):
        return not_yet(f"give a whole number of trials, got {n_trials!r}.",
                       "A fraction of a trial cannot be run: round up to the next whole trial.")
    if n_trials == expected:
        return correct(f"{expected} trials: 1 - 0.99^{expected} = {hit_probability(expected, 0.01):.4f} >= 0.9.")
    if n_trials == expected - 1:
        return not_yet(f"1 - 0.99^{n_trials} = {hit_probability(n_trials, 0.01):.4f}, just under 0.9.",
                       "Round the solution of 1 - 0.99^n = 0.9 up, not to the nearest.")
    if n_trials > expected:
        return not_yet(f"{n_trials} trials reach 90 %, but fewer do too.",
                       "Solve 1 - (1 - q)^n >= p for n: n >= log(1 - p) / log(1 - q).")
    return not_yet(f"{n_trials} trials reach only {hit_probability(n_trials, 0.01):.0%}.",
                   "Solve 1 - (1 - q)^n >= p for n with q = 0.01 and p = 0.9.")


def check_log_uniform(sampler) -> Feedback:
    """Exercise 2: ``sampler(low, high, n, seed)`` must draw ``n`` log-uniform values in ``[low, high]``.

    Checked on ``low=1e-5, high=1e-1``: every decade should hold about a quarter of 4000 samples.
    """
    if not callable(sampler):
        return not_yet(f"pass your function itself, got {sampler!r}.", "check_log_uniform(log_uniform)")
    try:
        samples = np.asarray(sampler(1e-5, 1e-1, 4000, seed=0), dtype=float)
        again = np.asarray(sampler(1e-5, 1e-1, 4000, seed=0), dtype=float)
    except Exception as exc:
        return not_yet(f"calling sampler(1e-5, 1e-1, 4000, seed=0) raised {type(exc).__name__}: {exc}",
                       "The signature is sampler(low, high, n, seed).")
    if samples.shape != (4000,):
        return not_yet(f"expected 4000 values, got an array of shape {samples.shape}.", "Return n values.")
    if samples.min() < 1e-5 or samples.max() > 1e-1:
        return not_yet(f"values leave [1e-5, 1e-1]: min {samples.min():.3g}, max {samples.max():.3g}.",
                       "Draw the exponent between log10(low) and log10(high).")
    if not np.array_equal(samples, again):
        return not_yet("two calls with seed=0 gave different values.", "Use np.random.default_rng(seed).")
    per_decade = np.histogram(np.log10(samples), bins=4, range=(-5, -1))[0] / len(samples)
    if per_decade[-1] > 0.5:
        return not_yet(f"{per_decade[-1]:.0%} of the values fall in the top decade [1e-2, 1e-1]: "
                       "that is uniform sampling.", "Sample the exponent uniformly: 10 ** rng.uniform(-5, -1, n).")
    if np.abs(per_decade - 0.25).max() > 0.04:
        return not_yet(f"the decades hold {np.round(per_decade, 2).tolist()} of the values, not a quarter each.",
                       "Sample the exponent uniformly between log10(low) and log10(high).")
    return correct(f"each decade holds about a quarter of the values: {np.round(per_decade, 2).tolist()}.")
