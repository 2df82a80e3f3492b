"""Lesson 03 (random search): hit probabilities, grid vs random, equal budgets, widgets, exercises."""

import math

import numpy as np
import pytest

from hpolab import Float, Space, exercises, search_math


def _explorer(name, **kwargs):
    import hpolab.widgets

    return getattr(hpolab.widgets, name)(**kwargs)


def test_sixty_trials_give_95_percent_for_the_top_5_percent():
    assert search_math.hit_probability(60, 0.05) == pytest.approx(1 - 0.95 ** 60)
    assert search_math.hit_probability(60, 0.05) > 0.95 > search_math.hit_probability(58, 0.05)
    assert search_math.trials_needed(0.05, 0.95) == 59
    assert search_math.trials_needed(0.01, 0.90) == 230
    assert search_math.trials_needed(0.5, 0.5) == 1


@pytest.mark.parametrize("q", [0, 1, -0.1, 1.5])
def test_q_must_be_a_fraction(q):
    with pytest.raises(ValueError, match="strictly between 0 and 1"):
        search_math.hit_probability(10, q)


def test_top_fraction_mask_counts_ranks_even_with_ties():
    scores = np.array([0.9] * 30 + [0.5] * 70)
    mask = search_math.top_fraction_mask(scores, 0.05)
    assert mask.sum() == 5 and scores[mask].min() == 0.9


@pytest.mark.parametrize("n_trials", [10, 60])
def test_simulation_agrees_with_the_formula(n_trials):
    scores = np.random.default_rng(1).random(1000)
    runs = 4000
    simulated = search_math.simulate_hit_rate(scores, n_trials, 0.05, n_runs=runs, seed=0)
    expected = search_math.hit_probability(n_trials, 0.05)
    assert abs(simulated - expected) < 4 * math.sqrt(expected * (1 - expected) / runs)


def test_grid_tries_three_distinct_values_random_tries_nine():
    result = search_math.grid_vs_random(9, importance=0.0, seed=3)
    assert result["distinct_x"] == {"grid": 3, "random": 9}
    assert result["grid"].shape == result["random"].shape == (9, 2)
    # the 3-point grid (0, 0.5, 1) misses the narrow peak at x = 0.63; random trials average closer
    assert result["random_mean_best"] > result["best"]["grid"] + 0.2


def test_grid_vs_random_needs_a_square_budget():
    with pytest.raises(ValueError, match="perfect square"):
        search_math.grid_vs_random(10)


def test_equal_budget_comparison_shapes_and_monotone_random():
    space = Space(x=Float(0, 1), y=Float(0, 1))
    objective = lambda c: float(search_math.separable_objective(c["x"], c["y"], 0.1))  # noqa: E731
    out = search_math.equal_budget_comparison(objective, space, [4, 9, 16], n_seeds=5)
    assert out["grid"].shape == (3,)
    assert out["random"].shape == out["sobol"].shape == (5, 3)
    assert np.all(np.diff(out["random"], axis=1) >= 0)  # best so far never gets worse
    assert np.all(out["sobol"] <= 1.1) and not np.array_equal(out["random"], out["sobol"])


def test_bergstra_bengio_widget_follows_the_budget():
    explorer = _explorer("GridVsRandomExplorer")
    explorer.controls_by_name["budget"].value = 25
    assert explorer.result["distinct_x"] == {"grid": 5, "random": 25}
    before = explorer.result["random"].copy()
    explorer.controls_by_name["seed"].value = 4
    assert not np.array_equal(before, explorer.result["random"])
    assert "distinct x" in explorer.text.value


def test_bergstra_bengio_widget_importance_changes_the_scores():
    explorer = _explorer("GridVsRandomExplorer", importance=0.0)
    flat = explorer.result["best"]["grid"]
    explorer.controls_by_name["importance"].value = 1.0
    assert explorer.result["best"]["grid"] > flat


def test_how_many_trials_widget():
    explorer = _explorer("HowManyTrialsExplorer")
    assert explorer.result["needed"] == 59
    explorer.controls_by_name["q"].value = 0.01
    assert explorer.result["needed"] == search_math.trials_needed(0.01, 0.95) == 299
    explorer.controls_by_name["target"].value = 0.5
    assert explorer.result["needed"] == 69
    assert "<b>69</b>" in explorer.text.value


def test_exercise_trials_needed():
    assert exercises.check_trials_needed(230)
    assert "up" in exercises.check_trials_needed(229).hint
    assert "fewer" in exercises.check_trials_needed(300).message
    assert not exercises.check_trials_needed(229.1)
    assert "None" in exercises.check_trials_needed(None).message


def _log_uniform(low, high, n, seed):
    return 10 ** np.random.default_rng(seed).uniform(np.log10(low), np.log10(high), n)


def test_exercise_log_uniform():
    assert exercises.check_log_uniform(_log_uniform)
    uniform = lambda low, high, n, seed: np.random.default_rng(seed).uniform(low, high, n)  # noqa: E731
    assert "uniform sampling" in exercises.check_log_uniform(uniform).message
    unseeded = lambda low, high, n, seed: _log_uniform(low, high, n, None)  # noqa: E731
    assert "different values" in exercises.check_log_uniform(unseeded).message
    assert not exercises.check_log_uniform(lambda low, high, n, seed: [low] * 3)
    assert not exercises.check_log_uniform(42)
