"""Budget-aware objectives: epochs of the MLP (with exact warm starts) and samples of an SVC."""

import numpy as np
import pytest

from hpolab.models import MLPClassifier
from hpolab.objectives import mlp_digits_epochs, svc_digits_subsample
from hpolab.search import SuccessiveHalving

CONFIG = {"learning_rate": 0.1, "decay": 0.03, "hidden_layers": 2, "nodes": 16, "batch_size": 64,
          "momentum": 0.6}


def test_warm_started_training_equals_training_from_scratch():
    objective = mlp_digits_epochs(seed=3)
    objective(CONFIG, 2)
    warm = objective.model(CONFIG, 5)  # continues: 3 more epochs
    assert objective.last_budget_spent == 3
    scratch = MLPClassifier(**CONFIG, epochs=5, seed=3).fit(objective.X, objective.y)
    for a, b in zip(warm.coefs_ + warm.intercepts_, scratch.coefs_ + scratch.intercepts_):
        np.testing.assert_array_equal(a, b)
    assert objective(CONFIG, 5) == scratch.score(objective.X_val, objective.y_val)
    assert objective.last_budget_spent == 0


def test_shorter_budget_after_a_longer_one_trains_afresh_and_keeps_the_longer_checkpoint():
    objective = mlp_digits_epochs()
    long_score = objective(CONFIG, 4)
    short_score = objective(CONFIG, 2)
    assert objective.last_budget_spent == 2
    assert short_score == mlp_digits_epochs(checkpoints=False)(CONFIG, 2)
    assert objective(CONFIG, 4) == long_score and objective.last_budget_spent == 0
    assert objective.total_budget_spent == 6


def test_learning_curve_matches_single_budgets():
    objective = mlp_digits_epochs(checkpoints=False)
    curve = objective.learning_curve(CONFIG, 4)
    assert curve.shape == (4,)
    assert curve[2] == objective(CONFIG, 3)


def test_diverging_configuration_keeps_a_finite_score():
    objective = mlp_digits_epochs(checkpoints=False)
    config = dict(CONFIG, learning_rate=1.0, momentum=0.9)
    curve = objective.learning_curve(config, 6)
    assert np.isfinite(curve).all() and curve[-1] == objective(config, 6)


@pytest.mark.parametrize("budget", [0, 2.5, True])
def test_budget_must_be_whole_epochs(budget):
    with pytest.raises(ValueError, match="whole number"):
        mlp_digits_epochs()(CONFIG, budget)


def test_successive_halving_on_real_training_counts_only_extra_epochs():
    objective = mlp_digits_epochs()
    space = objective.space
    history = SuccessiveHalving(space, 1, 9, 3, n_configs=6, seed=0).run(objective, progress=False)
    assert [t.budget for t in history] == [1] * 6 + [3] * 2 + [9]
    assert history.cumulative_budget()[-1] == 6 + 2 * 2 + 6 == objective.total_budget_spent


def test_subsample_objective_trains_on_budget_samples():
    objective = svc_digits_subsample()
    config = {"C": 10.0, "gamma": 0.03}
    assert objective(config, 40) < objective(config, objective.max_budget)
    assert objective.last_budget_spent == objective.max_budget
    with pytest.raises(ValueError, match="exceeds"):
        objective(config, objective.max_budget + 1)
