"""Lesson 02 (grid search): grid arithmetic, the SVC landscape, the widgets, the exercise checks."""

import numpy as np
import pytest

from hpolab import exercises, search_math
from hpolab.benchmarks.landscapes import compute_svc_landscape, load_svc_landscape
from hpolab.objectives import svc_digits


def _explorer(name, **kwargs):
    import hpolab.widgets

    return getattr(hpolab.widgets, name)(**kwargs)


def test_grid_fits_multiplies_axes_and_folds():
    assert search_math.grid_fits(2, 5) == 25
    assert search_math.grid_fits(4, 6, folds=5) == 6480
    assert search_math.grid_fits(0, 7) == 1


@pytest.mark.parametrize("args", [(-1, 5), (2, 0), (2.5, 3), (2, 3, 0)])
def test_grid_fits_rejects_bad_input(args):
    with pytest.raises(ValueError, match="whole number"):
        search_math.grid_fits(*args)


def test_format_duration_picks_a_readable_unit():
    assert search_math.format_duration(0.5) == "0.5 s"
    assert search_math.format_duration(90) == "1.5 min"
    assert search_math.format_duration(7200) == "2 h"
    assert search_math.format_duration(3 * 365.25 * 86400) == "3 years"
    assert search_math.format_duration(2500 * 365.25 * 86400) == "2,500 years"
    with pytest.raises(ValueError):
        search_math.format_duration(-1)


def test_grid_lattice_indices_fall_on_the_lattice():
    assert search_math.grid_lattice_indices(61, 2).tolist() == [0, 60]
    assert search_math.grid_lattice_indices(61, 7).tolist() == [0, 10, 20, 30, 40, 50, 60]
    with pytest.raises(ValueError, match="use one of"):
        search_math.grid_lattice_indices(61, 8)


def test_shipped_landscape_is_on_the_objective_space_grid():
    land = load_svc_landscape()
    space = svc_digits().space
    assert land.scores.shape == (61, 61)
    np.testing.assert_allclose(land.C, space["C"].grid(61))
    np.testing.assert_allclose(land.gamma, space["gamma"].grid(61))
    assert 0.0 <= land.scores.min() and land.scores.max() <= 1.0
    assert land.best()[1] > 0.98  # SVC on digits is a good model somewhere in the space


def test_a_regenerated_slice_equals_the_shipped_landscape():
    land = load_svc_landscape()
    rows, cols = [12, 40], [22, 36, 50]
    fresh = compute_svc_landscape(C=land.C[rows], gamma=land.gamma[cols])
    np.testing.assert_allclose(fresh.scores, land.scores[np.ix_(rows, cols)], rtol=0, atol=1e-12)


def test_landscape_lookup_uses_the_nearest_lattice_point():
    land = load_svc_landscape()
    assert land.index({"C": land.C[7] * 1.01, "gamma": land.gamma[33] / 1.01}) == (7, 33)
    assert land.score({"C": land.C[7], "gamma": land.gamma[33]}) == land.scores[7, 33]


def test_cost_widget_multiplies_by_values_per_axis():
    explorer = _explorer("GridCostExplorer", seconds_per_fit=0.01)
    before = explorer.result["n_fits"]
    explorer.controls_by_name["n_hyperparameters"].value += 1
    assert explorer.result["n_fits"] == before * explorer.result["values_per_axis"]
    assert explorer.result["seconds"] == pytest.approx(explorer.result["n_fits"] * 0.01)
    explorer.controls_by_name["folds"].value = 1
    assert explorer.result["n_fits"] == explorer.result["values_per_axis"] ** explorer.result["n_hyperparameters"]
    assert "fits" in explorer.text.value


def test_cost_widget_needs_a_positive_fit_time():
    with pytest.raises(ValueError, match="seconds_per_fit"):
        _explorer("GridCostExplorer", seconds_per_fit=0)


def test_finer_nested_grids_never_do_worse():
    explorer = _explorer("GridResolutionExplorer")
    slider = explorer.controls_by_name["n_per_axis"]
    slider.value = 3
    coarse = explorer.result
    slider.value = 5  # the 5-point grid contains the 3-point grid
    fine = explorer.result
    assert len(coarse["grid"]) == 9 and len(fine["grid"]) == 25
    assert fine["grid_score"] >= coarse["grid_score"]
    assert fine["best_score"] == coarse["best_score"] == load_svc_landscape().best()[1]
    assert fine["fraction_better"] <= coarse["fraction_better"]


def test_a_coarse_grid_misses_the_best():
    result = _explorer("GridResolutionExplorer", n_per_axis=2).result
    assert result["grid_score"] < result["best_score"] - 0.01
    assert result["fraction_better"] > 0.1


def test_exercise_grid_fits():
    assert exercises.check_grid_fits(6480)
    assert "configurations" in exercises.check_grid_fits(1296).message
    assert "swapped" in exercises.check_grid_fits(4 ** 6 * 5).message
    assert not exercises.check_grid_fits("6480")
    assert "None" in exercises.check_grid_fits(None).message


def test_exercise_enough_resolution():
    from hpolab.exercises.lesson02 import RESOLUTIONS, _smallest_resolution

    answer = _smallest_resolution(0.0)
    assert exercises.check_enough_resolution(answer)
    assert not exercises.check_enough_resolution(8)
    bigger = [n for n in RESOLUTIONS if n > answer]
    if bigger:
        assert "smaller grid" in exercises.check_enough_resolution(bigger[0]).message
    smaller = [n for n in RESOLUTIONS if n < answer]
    assert not exercises.check_enough_resolution(smaller[-1])
