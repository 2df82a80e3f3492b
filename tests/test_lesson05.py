"""Lesson 05 helpers: exercise checks, figures and the widgets (headless)."""

import numpy as np
import pytest

from hpolab.exercises import check_bracket, check_halving_cost, check_survivors
from hpolab.search import Hyperband, SuccessiveHalving
from hpolab.search.schedules import hyperband_brackets


def test_halving_cost_check():
    assert check_halving_cost(108, 81)
    assert "729" in check_halving_cost(729, 81).message
    assert not check_halving_cost(108, 108)


def test_bracket_check():
    assert check_bracket([(12, 3), (4, 9), (1, 27)])
    assert not check_bracket([(9, 3), (3, 9), (1, 27)])
    assert "budgets" in check_bracket([(12, 1), (4, 3), (1, 9)]).message
    assert not check_bracket("12 @ 3")


def test_survivors_check_catches_nan_promotion():
    assert check_survivors(lambda s, eta: np.argsort(-np.nan_to_num(s, nan=-np.inf))[:len(s) // eta])
    reversed_sort = check_survivors(lambda s, eta: np.argsort(s)[::-1][:len(s) // eta])
    assert not reversed_sort and "NaN" in reversed_sort.message
    assert not check_survivors(lambda s, eta: np.argsort(s)[:len(s) // eta])  # keeps the worst
    assert not check_survivors(42)


def test_bracket_explorer_recomputes_the_table():
    from hpolab.widgets import BracketExplorer

    explorer = BracketExplorer()
    assert [b["n"][0] for b in explorer.result["brackets"]] == [81, 34, 15, 8, 5]
    explorer.controls_by_name["max_budget"].value = 8
    explorer.controls_by_name["eta"].value = 2
    assert explorer.result["brackets"] == hyperband_brackets(8, 2)
    assert "8 @ 1" in explorer.text.value and explorer.image.value[:4] == b"\x89PNG"


def test_halving_explorer_runs_on_the_table():
    from hpolab.widgets import HalvingExplorer

    explorer = HalvingExplorer()
    first = explorer.result
    assert [t.budget for t in first["history"]].count(1) == 81  # 81 configurations at 1 epoch
    longest = {}  # with checkpoints, each distinct configuration costs the longest budget it reached
    for t in first["history"]:
        key = tuple(t.config.values())
        longest[key] = max(longest.get(key, 0), t.budget)
    assert first["epochs"] == sum(longest.values()) <= 81 + 27 * 2 + 9 * 6 + 3 * 18 + 1 * 54
    assert first["winner"] <= first["best_started"]
    explorer.controls_by_name["seed"].value = 1
    assert explorer.result["history"][0].config != first["history"][0].config
    explorer.controls_by_name["min_budget"].value = 9
    assert sorted({t.budget for t in explorer.result["history"]}) == [9, 27, 81]


@pytest.mark.parametrize("method", [SuccessiveHalving, Hyperband])
def test_figures_have_titles_and_labels(method):
    from hpolab.objectives import mlp_digits_epochs
    from hpolab.plots import plot_brackets, plot_successive_halving

    objective = mlp_digits_epochs()
    args = (1, 3, 3) if method is SuccessiveHalving else (3, 3)
    history = method(objective.space, *args, seed=0).run(lambda c, b: float(c["learning_rate"] * b),
                                                          progress=False)
    for fig in (plot_successive_halving(history), plot_brackets(hyperband_brackets(27, 3))):
        ax = fig.axes[0]
        assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()
