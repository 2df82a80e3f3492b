"""Exercise checks for lesson 04 (Bayesian optimization)."""

from __future__ import annotations

from numbers import Real

import numpy as np

from ._base import Feedback, correct, not_yet

__all__ = ["check_expected_improvement", "check_posterior_sd", "check_pi_exploration"]


def check_expected_improvement(function) -> Feedback:
    """Exercise 1: ``function(mean, sd, best)`` must compute expected improvement for minimisation.

    Examples
    --------
    >>> from hpolab.acquisition import expected_improvement
    >>> bool(check_expected_improvement(expected_improvement))
    True
    """
    from scipy.stats import norm

    from ..acquisition import expected_improvement, probability_of_improvement

    if not callable(function):
        return not_yet(f"pass your function itself, got {function!r}.", "check_expected_improvement(my_ei)")
    mean, sd, best = np.array([0.0, 0.5, -1.0, 2.0]), np.array([1.0, 0.3, 2.0, 0.5]), -0.5
    expected = expected_improvement(mean, sd, best)
    try:
        got = np.asarray(function(mean, sd, best), dtype=float)
    except Exception as exc:
        return not_yet(f"calling it on arrays raised {type(exc).__name__}: {exc}",
                       "Use NumPy operations and scipy.stats.norm.cdf / norm.pdf so arrays work.")
    if got.shape != expected.shape:
        return not_yet(f"expected {expected.shape[0]} values for 4 points, got shape {got.shape}.",
                       "Return one value per (mean, sd) pair.")
    if np.allclose(got, expected, atol=1e-6):
        return correct(f"EI(mean 0, sd 1, best -0.5) = {expected[0]:.7f}, as in the reference.")
    z = (best - mean) / sd
    if np.allclose(got, (best - mean) * norm.cdf(z), atol=1e-6):
        return not_yet("you have the first term only.", "Add sd * norm.pdf(z): the value of uncertainty.")
    if np.allclose(got, probability_of_improvement(mean, sd, best), atol=1e-6):
        return not_yet("that is the probability of improvement.", "EI weights the improvement by its size.")
    if np.allclose(got, expected_improvement(-mean, sd, -best), atol=1e-6):
        return not_yet("that is EI for maximisation.", "When minimising, improvement is best - mean.")
    return not_yet(f"for mean 0, sd 1, best -0.5 you give {got[0]:.5g}; expected {expected[0]:.5g}.",
                   "z = (best - mean) / sd; EI = (best - mean) * Phi(z) + sd * phi(z).")


def check_posterior_sd(at_observation, far_away) -> Feedback:
    """Exercise 2: posterior sd of a noise-free GP with signal variance 1 at an observed x and far from all data.

    Examples
    --------
    >>> bool(check_posterior_sd(0, 1))
    True
    """
    for label, value in (("at_observation", at_observation), ("far_away", far_away)):
        if isinstance(value, bool) or not isinstance(value, Real):
            return not_yet(f"{label} must be a number, got {value!r}.", "Two numbers: sd at the data, sd far away.")
    if abs(at_observation) > 1e-3:
        return not_yet(f"at an observed x the sd is not {at_observation}.",
                       "Without noise the GP knows f exactly where it looked.")
    if abs(far_away - 1.0) > 1e-3:
        return not_yet(f"far away the sd is not {far_away}.",
                       "Far from all data the observations say nothing: the prior is all that is left.")
    return correct("0 where it looked (no noise), and the prior sd sqrt(1) = 1 where nothing is known.")


def _pi_choice(xi: float) -> float:
    from ..widgets.bayes import acquisitions_on_grid

    return float(acquisitions_on_grid(xi=xi)["choice"]["PI"])


def check_pi_exploration(xi) -> Feedback:
    """Exercise 3: the smallest ``xi`` (a multiple of 0.05) at which PI leaves the best observation
    (x = 0.65) for the unexplored region near x = 0.18.

    Examples
    --------
    >>> bool(check_pi_exploration(0.5))
    False
    """
    if isinstance(xi, bool) or not isinstance(xi, Real) or xi < 0:
        return not_yet(f"xi must be a number >= 0, got {xi!r}.", "Try values such as 0.1, 0.2, ...")
    xi = round(float(xi) / 0.05) * 0.05
    if _pi_choice(xi) > 0.4:
        return not_yet(f"with xi = {xi:.2f} PI still picks x = {_pi_choice(xi):.2f}, next to the best point.",
                       "Raise xi: PI then only counts improvements of at least xi.")
    if xi >= 0.05 and _pi_choice(xi - 0.05) < 0.4:
        return not_yet(f"xi = {xi:.2f} works, but a smaller xi does too.", "Step xi down by 0.05 at a time.")
    return correct(f"at xi = {xi:.2f} PI jumps to x = {_pi_choice(xi):.2f}: demanding a clear improvement "
                   "makes it explore.")
