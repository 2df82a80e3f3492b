"""Acquisition functions against the reference values (minimisation form)."""

import numpy as np
import pytest
from scipy.stats import norm

from hpolab.acquisition import (acquisition_score, expected_improvement, lower_confidence_bound,
                                probability_of_improvement, upper_confidence_bound)


def test_reference_values():
    # incumbent -0.5, posterior mean 0, sd 1, xi 0 (shared/reference/anchors.md)
    assert expected_improvement(0.0, 1.0, best=-0.5) == pytest.approx(0.1977966, abs=1e-7)
    assert probability_of_improvement(0.0, 1.0, best=-0.5) == pytest.approx(0.308538, abs=1e-6)
    assert lower_confidence_bound(0.0, 1.0, kappa=0.3) == pytest.approx(-0.3)
    assert upper_confidence_bound(0.0, 1.0, kappa=0.3) == pytest.approx(0.3)


def test_expected_improvement_matches_monte_carlo():
    rng = np.random.default_rng(0)
    draws = 0.3 + 0.7 * rng.standard_normal(400_000)
    expected = np.maximum(0.1 - 0.05 - draws, 0).mean()
    assert expected_improvement(0.3, 0.7, best=0.1, xi=0.05) == pytest.approx(expected, rel=0.01)


def test_vectorised_and_limits():
    mean, sd = np.array([0.0, 1.0, -1.0]), np.array([1.0, 0.5, 2.0])
    ei = expected_improvement(mean, sd, best=0.2)
    np.testing.assert_allclose(ei, [expected_improvement(m, s, 0.2) for m, s in zip(mean, sd)])
    np.testing.assert_allclose(probability_of_improvement(mean, sd, 0.2), norm.cdf((0.2 - mean) / sd))
    # with no uncertainty EI is the plain improvement, and xi makes both more demanding
    assert expected_improvement(0.0, 0.0, best=1.0) == pytest.approx(1.0)
    assert expected_improvement(2.0, 0.0, best=1.0) == 0.0
    assert expected_improvement(0.0, 1.0, -0.5, xi=0.5) < expected_improvement(0.0, 1.0, -0.5)
    assert probability_of_improvement(0.0, 1.0, -0.5, xi=0.5) < probability_of_improvement(0.0, 1.0, -0.5)


def test_score_is_larger_for_better_points():
    mean, sd = np.array([0.0, -1.0]), np.array([1.0, 1.0])
    for name in ("ei", "pi", "ucb"):
        score = acquisition_score(name, mean, sd, best=-0.5)
        assert score[1] > score[0], name
    # more uncertainty is worth more to EI and UCB at the same mean
    assert acquisition_score("ucb", 0.0, 2.0, -0.5) > acquisition_score("ucb", 0.0, 1.0, -0.5)


def test_bad_input():
    with pytest.raises(ValueError, match="acquisition must be one of"):
        acquisition_score("thompson", 0.0, 1.0, 0.0)
    with pytest.raises(ValueError, match="sd must be >= 0"):
        expected_improvement(0.0, -1.0, 0.0)
