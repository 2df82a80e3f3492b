"""Schedules, successive halving and Hyperband: anchors from the paper and from scikit-learn."""

import math

import numpy as np
import pytest

from hpolab import Float, Space
from hpolab.search import Hyperband, SearchExhausted, SuccessiveHalving
from hpolab.search.hyperband import RoundNotFinished
from hpolab.search.schedules import (format_brackets, halving_schedule, hyperband_brackets, integer_log,
                                     schedule_budget, successive_halving_schedule)

SPACE = Space(x=Float(0, 1), y=Float(1e-3, 1, log=True))


def table(max_budget, eta, min_budget=1):
    return {b["s"]: list(zip(b["n"], b["budget"])) for b in hyperband_brackets(max_budget, eta, min_budget)}


def test_brackets_81_3_match_the_paper():
    assert table(81, 3) == {
        4: [(81, 1), (27, 3), (9, 9), (3, 27), (1, 81)],
        3: [(34, 3), (11, 9), (3, 27), (1, 81)],
        2: [(15, 9), (5, 27), (1, 81)],
        1: [(8, 27), (2, 81)],
        0: [(5, 81)],
    }
    budgets = [schedule_budget(b) for b in hyperband_brackets(81, 3)]
    assert budgets == [405, 363, 351, 378, 405] and sum(budgets) == 1902
    assert sum(b["n"][0] for b in hyperband_brackets(81, 3)) == 143


def test_brackets_27_3_and_9_3():
    assert table(27, 3) == {3: [(27, 1), (9, 3), (3, 9), (1, 27)], 2: [(12, 3), (4, 9), (1, 27)],
                            1: [(6, 9), (2, 27)], 0: [(4, 27)]}
    assert table(9, 3) == {2: [(9, 1), (3, 3), (1, 9)], 1: [(5, 3), (1, 9)], 0: [(3, 9)]}


def test_brackets_8_2():
    assert table(8, 2) == {3: [(8, 1), (4, 2), (2, 4), (1, 8)], 2: [(6, 2), (3, 4), (1, 8)],
                           1: [(4, 4), (2, 8)], 0: [(4, 8)]}


def test_brackets_use_integer_log_and_min_budget():
    assert math.floor(math.log(243, 3)) == 4  # the floating-point trap the integer log avoids
    assert integer_log(243, 3) == 5 and len(hyperband_brackets(243, 3)) == 6
    assert table(810, 3, min_budget=10)[4] == [(81, 10), (27, 30), (9, 90), (3, 270), (1, 810)]
    assert table(10, 3)[2][-1] == (1, 10)  # R not a power of eta: the last round still gets R
    assert "34 @ 3" in format_brackets(hyperband_brackets(81, 3))


@pytest.mark.parametrize("bad", [dict(max_budget=0), dict(eta=1), dict(eta=2.5), dict(min_budget=100)])
def test_bad_bracket_arguments_say_what_to_fix(bad):
    args = dict(max_budget=81, eta=3, min_budget=1) | bad
    with pytest.raises(ValueError, match="must"):
        hyperband_brackets(**args)


def test_halving_anchors_of_scikit_learn():
    assert halving_schedule(60, 180, 3, 20, exhaust=True, aggressive_elimination=True) == \
        {"n": [60, 20, 7, 3], "budget": [20, 20, 60, 180]}
    assert halving_schedule(60, 180, 3, 20, exhaust=True) == {"n": [60, 20, 7], "budget": [20, 60, 180]}
    assert halving_schedule(60, 1000, 3, 20, exhaust=True) == \
        {"n": [60, 20, 7, 3], "budget": [37, 111, 333, 999]}


@pytest.mark.parametrize("max_resources, aggressive", [(180, True), (180, False), (1000, False)])
def test_halving_schedule_agrees_with_halving_grid_search_cv(max_resources, aggressive):
    from sklearn.datasets import make_classification
    from sklearn.experimental import enable_halving_search_cv  # noqa: F401
    from sklearn.model_selection import HalvingGridSearchCV
    from sklearn.tree import DecisionTreeClassifier

    X, y = make_classification(n_samples=1000, random_state=0)
    grid = {"max_depth": list(range(1, 11)), "min_samples_leaf": [1, 2, 3, 4, 5, 6]}  # 60 candidates
    search = HalvingGridSearchCV(DecisionTreeClassifier(random_state=0), grid, factor=3, cv=5,
                                 max_resources=max_resources, min_resources="exhaust",
                                 aggressive_elimination=aggressive).fit(X, y)
    # scikit-learn's "smallest" first budget for a 2-class problem with 5 folds: 2 * 2 * 5 = 20
    ours = halving_schedule(60, max_resources, 3, 20, exhaust=True, aggressive_elimination=aggressive)
    assert ours == {"n": list(search.n_candidates_), "budget": list(search.n_resources_)}


def test_successive_halving_schedule():
    assert successive_halving_schedule(None, 1, 81, 3) == {"n": [81, 27, 9, 3, 1], "budget": [1, 3, 9, 27, 81]}
    assert successive_halving_schedule(4, 1, 27, 3)["n"] == [4, 1, 1, 1]
    with pytest.raises(ValueError, match="n_configs"):
        successive_halving_schedule(0, 1, 27, 3)


def objective(config, budget):
    """Noisy-free stand-in for training: better x near 0.3, and more budget helps everyone."""
    return -abs(config["x"] - 0.3) + 0.01 * math.log(budget)


@pytest.mark.parametrize("max_budget, eta", [(81, 3), (27, 3), (8, 2)])
def test_hyperband_runs_the_schedule(max_budget, eta):
    search = Hyperband(SPACE, max_budget=max_budget, eta=eta, seed=1)
    history = search.run(objective, progress=False)
    assert max(t.budget for t in history) == max_budget  # budgets never exceed the maximum
    for bracket in hyperband_brackets(max_budget, eta):
        for i, (n, budget) in enumerate(zip(bracket["n"], bracket["budget"])):
            rnd = [t for t in history if t.info["bracket"] == bracket["s"] and t.info["round"] == i]
            assert len(rnd) == n and {t.budget for t in rnd} == {budget}  # evaluations per round
    assert len(history) == sum(sum(b["n"]) for b in hyperband_brackets(max_budget, eta))
    with pytest.raises(SearchExhausted):
        search.ask()


def test_promotions_are_the_top_one_over_eta():
    search = Hyperband(SPACE, max_budget=81, eta=3, seed=2)
    history = search.run(objective, progress=False)
    for s in range(5):
        rounds = [[t for t in history if t.info["bracket"] == s and t.info["round"] == i] for i in range(s + 1)]
        for now, nxt in zip(rounds, rounds[1:]):
            assert len(nxt) == len(now) // 3
            top = sorted(now, key=lambda t: -t.score)[:len(nxt)]
            assert {t.info["config_id"] for t in top} == {t.info["config_id"] for t in nxt}
            assert min(t.score for t in top) >= max(t.score for t in now if t not in top)


def test_minimize_promotes_the_smallest():
    search = SuccessiveHalving(SPACE, 1, 9, 3, direction="minimize", seed=0)
    history = search.run(lambda c, b: c["x"] / b, progress=False)
    first = sorted((t for t in history if t.info["round"] == 0), key=lambda t: t.score)
    assert [t.config for t in first[:3]] == [t.config for t in history if t.info["round"] == 1]


def test_failed_and_nan_trials_are_never_promoted():
    search = SuccessiveHalving(SPACE, 1, 9, 3, seed=3)
    trials = [search.ask() for _ in range(9)]
    for i, trial in enumerate(trials):  # the three best scores fail or are NaN
        if i < 2:
            search.tell(trial, float("nan"))
        elif i == 2:
            search.tell(trial, error="diverged")
        else:
            search.tell(trial, i / 10)
    promoted = [search.ask() for _ in range(3)]
    assert {t.info["config_id"] for t in promoted} == {8, 7, 6}
    assert all(t.budget == 3 for t in promoted)


@pytest.mark.filterwarnings("ignore:trial 0 failed")
def test_all_failed_round_ends_the_bracket():
    search = SuccessiveHalving(SPACE, 1, 9, 3, seed=0)
    history = search.run(lambda c, b: float("nan"), progress=False)
    assert len(history) == 9 and len(history.failed) == 9


def test_asking_while_a_round_waits_raises_a_clear_error():
    search = SuccessiveHalving(SPACE, 1, 3, 3, seed=0)
    trials = [search.ask() for _ in range(3)]
    with pytest.raises(RoundNotFinished, match="tell"):
        search.ask()
    for t in trials:
        search.tell(t, t.config["x"])
    assert search.ask().budget == 3


def test_repeating_brackets_and_same_seed_same_trials():
    a = Hyperband(SPACE, max_budget=9, eta=3, n_iterations=None, seed=4)
    b = Hyperband(SPACE, max_budget=9, eta=3, n_iterations=None, seed=4)
    ha, hb = a.run(objective, n_trials=50, progress=False), b.run(objective, n_trials=50, progress=False)
    assert [t.config for t in ha] == [t.config for t in hb]
    assert [t.info["bracket"] for t in ha][22:25] == [2, 2, 2]  # the second pass starts again at s_max


def test_history_records_budgets_and_cumulative_budget():
    history = Hyperband(SPACE, max_budget=9, eta=3, seed=0).run(objective, progress=False)
    assert history.cumulative_budget()[-1] == sum(schedule_budget(b) for b in hyperband_brackets(9, 3))
    assert np.array_equal(history.budgets(), [t.budget for t in history])


def test_checkpointing_objective_reports_only_the_extra_budget():
    class Checkpointing:
        def __init__(self):
            self.done, self.last_budget_spent = {}, None

        def __call__(self, config, budget):
            key = tuple(config.values())
            self.last_budget_spent = budget - self.done.get(key, 0)
            self.done[key] = budget
            return objective(config, budget)

    history = SuccessiveHalving(SPACE, 1, 9, 3, seed=0).run(Checkpointing(), progress=False)
    assert history.cumulative_budget()[-1] == 9 * 1 + 3 * 2 + 1 * 6  # not 9 + 9 + 9
    assert history.budgets().sum() == 27


def test_bad_n_iterations():
    with pytest.raises(ValueError, match="n_iterations"):
        Hyperband(SPACE, n_iterations=0)


@pytest.mark.parametrize("min_budget, max_budget, eta", [(1, 10, 3), (2, 50, 2), (1, 81, 3), (5, 5, 3)])
def test_successive_halving_budgets_never_exceed_the_maximum(min_budget, max_budget, eta):
    history = SuccessiveHalving(SPACE, min_budget, max_budget, eta, seed=0).run(objective, progress=False)
    budgets = sorted({t.budget for t in history})
    assert budgets[0] == min_budget and budgets[-1] <= max_budget < budgets[-1] * eta
    assert all(b * eta == nxt for b, nxt in zip(budgets, budgets[1:]))
