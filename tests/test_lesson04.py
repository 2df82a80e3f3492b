"""Lesson 04 (Bayesian optimization): pure helpers, headless explorers, exercise checks, figures."""

import numpy as np
import pytest

from hpolab import exercises
from hpolab.acquisition import expected_improvement
from hpolab.widgets.bayes import (OBSERVED_X, AcquisitionExplorer, BOStepExplorer, GPExplorer,
                                  acquisitions_on_grid, bo_trace_1d, gp_on_grid)


def test_gp_on_grid_prior_and_posterior():
    prior = gp_on_grid([], [], signal_sd=5.0)
    np.testing.assert_allclose(prior["sd"], 5.0)
    assert prior["samples"].shape == (3, len(prior["x"]))
    y = np.sin(6 * OBSERVED_X)
    post = gp_on_grid(OBSERVED_X, y, signal_sd=5.0)
    at = [int(np.argmin(np.abs(post["x"] - x))) for x in OBSERVED_X]
    assert post["sd"][at].max() < 0.05 < post["sd"].max()


def test_bo_trace_steps_are_consistent():
    steps = bo_trace_1d(n_steps=4, seed=0)
    assert [s["step"] for s in steps] == [1, 2, 3, 4]
    for a, b in zip(steps, steps[1:]):
        # each step adds exactly the point the previous one chose
        assert len(b["x_observed"]) == len(a["x_observed"]) + 1
        assert b["x_observed"][-1] == pytest.approx(a["next_x"])
    for s in steps:  # the chosen point is (near) the best of the acquisition on the grid
        assert np.interp(s["next_x"], s["x"], s["acquisition"]) >= s["acquisition"].max() - 1e-3


def test_acquisitions_trade_exploration():
    greedy, curious = acquisitions_on_grid(xi=0.0, kappa=0.0), acquisitions_on_grid(xi=0.5, kappa=3.0)
    assert abs(greedy["choice"]["PI"] - 0.65) < 0.05 and abs(greedy["choice"]["UCB"] - 0.65) < 0.05
    assert curious["choice"]["PI"] < 0.3 and curious["choice"]["UCB"] < 0.3
    ei = expected_improvement(greedy["mean"], greedy["sd"], greedy["best"])
    np.testing.assert_allclose(greedy["values"]["EI"], ei)


def test_gp_explorer_headless():
    explorer = GPExplorer()
    assert len(explorer.result["x_observed"]) == 0
    explorer.controls_by_name["n_observed"].value = 4
    assert len(explorer.result["x_observed"]) == 4
    wide = explorer.result["sd"].mean()
    explorer.controls_by_name["lengthscale"].value = 0.5
    assert explorer.result["sd"].mean() < wide  # longer length-scale: more confident between points
    explorer.controls_by_name["kernel"].value = "rbf"
    assert explorer.result["kernel"] == "rbf" and explorer.image.value


def test_bo_step_explorer_headless():
    explorer = BOStepExplorer()
    first = explorer.result
    explorer.controls_by_name["step"].value = 6
    assert explorer.result["step"] == 6 and len(explorer.result["x_observed"]) == len(first["x_observed"]) + 5
    explorer.controls_by_name["acquisition"].value = "ucb"
    assert explorer.result["acquisition_name"] == "ucb"
    assert "next x" in explorer.text.value


def test_acquisition_explorer_headless():
    explorer = AcquisitionExplorer()
    assert explorer.result["choice"]["PI"] == pytest.approx(0.65, abs=0.05)
    explorer.controls_by_name["xi"].value = 0.5
    assert explorer.result["choice"]["PI"] < 0.3
    assert "PI x =" in explorer.text.value


def test_exercise_checks():
    from scipy.stats import norm

    def first_term_only(mean, sd, best):
        return (best - mean) * norm.cdf((best - mean) / sd)

    assert exercises.check_expected_improvement(expected_improvement)
    assert "first term" in repr(exercises.check_expected_improvement(first_term_only))
    assert not exercises.check_expected_improvement(lambda m, s, b: expected_improvement(-m, s, -b))
    assert not exercises.check_expected_improvement("ei")
    assert exercises.check_posterior_sd(0.0, 1.0)
    assert not exercises.check_posterior_sd(0.0, 0.0)
    assert not exercises.check_posterior_sd(None, 1.0)
    assert exercises.check_pi_exploration(0.25)
    assert "smaller" in repr(exercises.check_pi_exploration(0.4))
    assert "still picks" in repr(exercises.check_pi_exploration(0.1))


def test_figures_have_titles_and_labels():
    from hpolab.benchmarks.landscapes import load_svc_landscape
    from hpolab.plots import plot_best_so_far, plot_tried_points

    fig = plot_best_so_far({"random": np.random.default_rng(0).random((3, 10)), "bayes": np.ones((3, 10))})
    ax = fig.axes[0]
    assert ax.get_title() and ax.get_xlabel() == "evaluations" and ax.get_legend() is not None
    land = load_svc_landscape()
    fig = plot_tried_points(land, {"bayes": [{"C": 1.0, "gamma": 1e-3}]})
    assert fig.axes[0].get_xscale() == "log" and fig.axes[0].get_yscale() == "log"
