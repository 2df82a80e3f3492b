"""Acquisition functions: how promising is it to evaluate a point, given the GP's belief there?

Each is a pure function of the posterior ``mean`` and standard deviation ``sd`` at the
candidate points and of the best value observed so far, ``best``. They are written in
*minimisation* form (smaller objective values are better), the form of the
literature and of :mod:`hpolab.benchmarks.functions`; :class:`hpolab.BayesianOptimization`
turns a maximised score into a minimised one by flipping its sign.

* :func:`expected_improvement` - how much better than ``best`` we expect to get.
* :func:`probability_of_improvement` - how likely we are to beat ``best`` at all.
* :func:`lower_confidence_bound` - an optimistic guess of the value, ``mean - kappa * sd``
  (minimised; the "upper confidence bound" of maximisation problems with the sign flipped).

``xi`` and ``kappa`` trade exploitation (trust the mean) against exploration (go where
``sd`` is large): a larger ``xi`` asks for a clearer improvement, a larger ``kappa``
gives more weight to uncertainty.
"""

from __future__ import annotations

import numpy as np
from scipy.special import ndtr

__all__ = ["expected_improvement", "probability_of_improvement", "lower_confidence_bound",
           "upper_confidence_bound", "acquisition_score", "ACQUISITIONS"]

_INV_SQRT_2PI = 1.0 / np.sqrt(2.0 * np.pi)


def _normal_pdf(z):
    return _INV_SQRT_2PI * np.exp(-0.5 * z * z)


def _check(mean, sd):
    mean, sd = np.asarray(mean, float), np.asarray(sd, float)
    if np.any(sd < 0):
        raise ValueError("sd must be >= 0 (a standard deviation); pass sqrt of the variance.")
    return mean, np.maximum(sd, 1e-12)


def expected_improvement(mean, sd, best, xi=0.0):
    """Expected improvement over ``best`` when minimising: ``E[max(best - xi - f, 0)]``.

    With ``z = (best - xi - mean) / sd``: ``EI = (best - xi - mean) * Phi(z) + sd * phi(z)``.

    Parameters
    ----------
    mean, sd : array-like
        Posterior mean and standard deviation at the candidate points.
    best : float
        Smallest value observed so far (the incumbent).
    xi : float, default 0
        Required margin of improvement; larger values explore more.

    Returns
    -------
    ndarray
        Non-negative; larger is more promising.

    Examples
    --------
    >>> round(float(expected_improvement(0.0, 1.0, best=-0.5)), 7)
    0.1977966
    """
    mean, sd = _check(mean, sd)
    improvement = best - xi - mean
    z = improvement / sd
    return np.maximum(improvement * ndtr(z) + sd * _normal_pdf(z), 0.0)


def probability_of_improvement(mean, sd, best, xi=0.0):
    """Probability that a point beats ``best - xi`` when minimising: ``Phi((best - xi - mean) / sd)``.

    Examples
    --------
    >>> round(float(probability_of_improvement(0.0, 1.0, best=-0.5)), 6)
    0.308538
    """
    mean, sd = _check(mean, sd)
    return ndtr((best - xi - mean) / sd)


def lower_confidence_bound(mean, sd, kappa=2.0):
    """Optimistic value ``mean - kappa * sd`` for minimisation; the next point minimises it.

    Examples
    --------
    >>> float(lower_confidence_bound(0.0, 1.0, kappa=0.3))
    -0.3
    """
    mean, sd = _check(mean, sd)
    return mean - kappa * sd


def upper_confidence_bound(mean, sd, kappa=2.0):
    """Optimistic value ``mean + kappa * sd`` for maximisation; the next point maximises it.

    Examples
    --------
    >>> float(upper_confidence_bound(0.0, 1.0, kappa=0.3))
    0.3
    """
    mean, sd = _check(mean, sd)
    return mean + kappa * sd


ACQUISITIONS = ("ei", "pi", "ucb")


def acquisition_score(name, mean, sd, best, xi=0.0, kappa=2.0):
    """The acquisition ``name`` for a minimisation problem as a score to *maximise*.

    ``"ei"`` and ``"pi"`` are returned as they are; ``"ucb"`` as ``-lower_confidence_bound``.

    Parameters
    ----------
    name : {"ei", "pi", "ucb"}
    mean, sd, best, xi, kappa : see the functions above.

    Examples
    --------
    >>> float(acquisition_score("ucb", 0.0, 1.0, best=-0.5, kappa=0.3))
    0.3
    """
    if name == "ei":
        return expected_improvement(mean, sd, best, xi)
    if name == "pi":
        return probability_of_improvement(mean, sd, best, xi)
    if name == "ucb":
        return -lower_confidence_bound(mean, sd, kappa)
    raise ValueError(f"acquisition must be one of {ACQUISITIONS}, got {name!r}.")
