"""The shipped tabular benchmark: it matches fresh training, answers like training, and drives the comparison."""

import numpy as np
import pytest

from hpolab.benchmarks.compare_hyperband import (anytime_curves, compare, epochs_to_target, format_table,
                                                 summary_rows)
from hpolab.benchmarks.tabular import LATTICE, SEEDS, TabularBenchmark, generate, lattice_configs
from hpolab.objectives import mlp_digits_epochs
from hpolab.trial import History, Trial


@pytest.fixture(scope="module")
def bench():
    return TabularBenchmark()


def test_shipped_table_has_the_lattice(bench):
    assert bench.configs == lattice_configs()
    assert bench.scores.shape == (len(lattice_configs()), len(SEEDS), 81)
    assert bench.lattice == LATTICE and np.all((bench.scores >= 0) & (bench.scores <= 1))


def test_regenerated_slice_matches_the_shipped_file(bench):
    # three cheap configurations (one diverging), the first 8 epochs of each seed: a prefix of the 81-epoch run
    picks = [i for i, c in enumerate(bench.configs) if c["batch_size"] == 256 and c["nodes"] == 16
             and c["hidden_layers"] == 1 and c["decay"] == 0.03 and c["momentum"] == 0.9][1:]
    assert len(picks) == 3
    fresh = generate([bench.configs[i] for i in picks], SEEDS, epochs=8)
    np.testing.assert_array_equal(fresh, bench.correct[picks, :, :8])


def test_table_answers_what_training_gives(bench):
    config = bench.configs[100]
    trained = mlp_digits_epochs(seed=SEEDS[1])(config, 4)
    assert bench.objective(seed_index=1)(config, 4) == trained
    assert bench.objective()(config, 4) == pytest.approx(bench.scores[100, :, 3].mean())


def test_tabular_objective_counts_continued_epochs(bench):
    objective = bench.objective()
    config = bench.configs[7]
    objective(config, 3)
    objective(config, 9)
    assert objective.last_budget_spent == 6
    objective(config, 1)
    assert objective.last_budget_spent == 1 and objective.total_budget_spent == 10
    with pytest.raises(ValueError, match="not a configuration"):
        objective(dict(config, learning_rate=0.5), 3)
    with pytest.raises(ValueError, match="whole number"):
        objective(config, 82)


def test_epochs_to_target_and_anytime_curves():
    history = History()
    for i, (score, budget) in enumerate([(0.5, 1), (0.8, 3), (0.9, 9)]):
        history.add(Trial(i, {}, budget=budget, score=score, status="ok"))
    assert epochs_to_target(history, 0.8) == 4 and epochs_to_target(history, 0.95) == np.inf
    curves = anytime_curves([history], np.array([0.5, 1, 4, 13, 20]))
    np.testing.assert_array_equal(curves, [[np.nan, 0.5, 0.8, 0.9, np.nan]])


def test_compare_runs_every_method_on_a_few_seeds(bench):
    result = compare(bench, ["random", "hyperband"], n_seeds=2, total_budget=2000)
    assert result["target"] == pytest.approx(bench.best_score() - 0.005)
    for method, histories in result["histories"].items():
        assert len(histories) == 2
        assert all(h.cumulative_budget()[-1] < 2000 + bench.max_epochs for h in histories)
    table = format_table(summary_rows(result))
    assert "hyperband" in table and "x random" in table
