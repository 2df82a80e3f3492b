"""Lesson 01: gradient descent paths, the training explorers driven headless, exercise checks."""

import numpy as np
import pytest

from hpolab.descent import SURFACES, Surface, gradient_descent
from hpolab.exercises import check_converging_learning_rate, check_parameters, check_step_size
from hpolab.plots import plot_descent, plot_training_curves, plot_weight_trajectories
from hpolab.widgets import DescentExplorer, TrainingCurvesExplorer, WeightExplorer
from hpolab.widgets.training import train_small_network


# -- descent ----------------------------------------------------------------------------
def test_bowl_stability_limit_is_two_over_curvature():
    assert not gradient_descent("bowl", learning_rate=0.19, steps=200).diverged
    assert gradient_descent("bowl", learning_rate=0.19, steps=200).converged_step is not None
    assert gradient_descent("bowl", learning_rate=0.21, steps=200).diverged


def test_one_plain_step_by_hand():
    path = gradient_descent("bowl", learning_rate=0.1, steps=1, start=(2.0, 1.0))
    np.testing.assert_allclose(path.points, [[2.0, 1.0], [2.0 - 0.1 * 2.0, 1.0 - 0.1 * 10.0]])
    np.testing.assert_allclose(path.losses, [0.5 * (4 + 10), 0.5 * 1.8 ** 2])


def test_momentum_and_decay_follow_their_definitions():
    # two steps with momentum 0.5 on the bowl, from (2, 0): velocity carries half of the last update
    path = gradient_descent("bowl", learning_rate=0.1, momentum=0.5, steps=2, start=(2.0, 0.0))
    first = -0.1 * 2.0
    second = 0.5 * first - 0.1 * (2.0 + first)
    np.testing.assert_allclose(path.points[:, 0], [2.0, 2.0 + first, 2.0 + first + second])
    decayed = gradient_descent("bowl", learning_rate=0.1, decay=0.5, steps=4)
    np.testing.assert_allclose(decayed.step_sizes, 0.1 / (1 + 0.5 * np.arange(4)))


def test_learning_rate_too_small_too_large_and_momentum_helps():
    slow = gradient_descent("bowl", learning_rate=0.005, steps=50)
    good = gradient_descent("bowl", learning_rate=0.15, steps=50)
    assert slow.converged_step is None and not slow.diverged and good.converged_step is not None
    assert slow.status == "not converged in 50 steps" and good.status == f"converged at step {good.converged_step}"
    plain = gradient_descent("valley", learning_rate=0.02, steps=100)
    heavy = gradient_descent("valley", learning_rate=0.02, momentum=0.9, steps=100)
    assert heavy.final_loss < plain.final_loss / 10


def test_divergence_stops_cleanly():
    path = gradient_descent("bowl", learning_rate=1.0, steps=100)
    assert path.diverged and path.converged_step is None and path.status.startswith("diverged after")
    assert len(path.points) < 10 and np.isfinite(path.points).all() and np.isfinite(path.losses).all()


def test_custom_surface_and_bad_input():
    line = Surface("flat-ish", lambda x, y: x ** 2 + y ** 2, lambda x, y: (2 * x, 2 * y), (0.0, 0.0), (1.0, 1.0),
                   (-1, 1, -1, 1))
    assert gradient_descent(line, learning_rate=0.5, steps=1).final_loss == 0.0
    with pytest.raises(ValueError, match="Unknown surface"):
        gradient_descent("hill")
    for kwargs, words in [({"learning_rate": 0}, "learning_rate must be a number > 0"),
                          ({"momentum": 1.0}, r"momentum must be a number in \[0, 1\)"),
                          ({"decay": -0.1}, "decay must be a number >= 0"),
                          ({"steps": 0}, "steps must be a whole number >= 1")]:
        with pytest.raises(ValueError, match=words):
            gradient_descent("bowl", **kwargs)


# -- pure training function and figures --------------------------------------------------
def test_train_small_network_records_curves_and_weights():
    result = train_small_network()
    assert result["epochs_trained"] == len(result["loss_curve"]) == len(result["weight_history"]) - 1
    assert result["validation_accuracy"] > 0.85 and not result["diverged"]
    assert result["loss_curve"][-1] < result["loss_curve"][0]
    assert train_small_network(learning_rate=30.0)["diverged"]
    stuck = train_small_network(learning_rate=10.0, momentum=0.0)  # dead ReLUs: finite loss, chance accuracy
    assert not stuck["diverged"] and stuck["validation_accuracy"] < 0.2


def test_figures_have_titles_and_labels():
    result = train_small_network(epochs=3)
    figures = [plot_weight_trajectories(result["weight_history"], result["loss_curve"], result["hyperparameters"]),
               plot_training_curves(result["loss_curve"], result["validation_loss_curve"],
                                    result["train_score_curve"], result["validation_score_curve"]),
               plot_descent(SURFACES["bowl"], [gradient_descent("bowl", learning_rate=lr) for lr in (0.1, 0.5)])]
    for fig in figures:
        for ax in fig.axes:
            assert ax.get_title() and ax.get_xlabel() and ax.get_ylabel()
            assert ax.get_legend() is not None


# -- explorers, headless ----------------------------------------------------------------
@pytest.mark.parametrize("cls", [WeightExplorer, TrainingCurvesExplorer])
def test_network_explorers_retrain_when_a_slider_moves(cls):
    explorer = cls()
    assert set(explorer.controls_by_name) == {"learning_rate", "decay", "hidden_layers", "nodes", "batch_size",
                                              "momentum"}
    before = explorer.result
    explorer.controls_by_name["nodes"].value = 8
    assert explorer.result is not before
    assert explorer.result["hyperparameters"]["nodes"] == 8
    assert explorer.result["weight_history"][-1][0].shape == (64, 8)
    explorer.controls_by_name["learning_rate"].value = 30.0
    assert explorer.result["diverged"] and "Diverged" in explorer.text.value
    explorer.controls_by_name["momentum"].value = 0.0
    explorer.controls_by_name["learning_rate"].value = 10.0
    assert "No better than guessing" in explorer.text.value
    assert explorer.image.value[:4] == b"\x89PNG"


def test_weight_explorer_same_hyperparameters_same_weights():
    explorer = WeightExplorer()
    first = explorer.result["weight_history"][-1][0]
    explorer.controls_by_name["momentum"].value = 0.5
    assert not np.array_equal(explorer.result["weight_history"][-1][0], first)
    explorer.controls_by_name["momentum"].value = 0.9
    assert np.array_equal(explorer.result["weight_history"][-1][0], first)


def test_descent_explorer_follows_the_sliders():
    explorer = DescentExplorer()
    explorer.controls_by_name["learning_rate"].value = 0.15
    assert explorer.result["path"].converged_step is not None and "Converged" in explorer.text.value
    explorer.controls_by_name["learning_rate"].value = 0.5
    assert explorer.result["path"].diverged and "Diverged" in explorer.text.value
    explorer.controls_by_name["learning_rate"].value = 0.001
    assert "Not converged" in explorer.text.value
    explorer.controls_by_name["surface"].value = "valley"
    assert explorer.result["surface"] == "valley"
    explorer.controls_by_name["steps"].value = 20
    assert len(explorer.result["path"].points) == 21


# -- exercises ----------------------------------------------------------------------------
@pytest.mark.parametrize("learning_rate, passed, words", [
    (0.15, True, "reaches the minimum"), (0.01, False, "too slow"), (0.195, False, "zigzags"),
    (0.5, False, "diverged"), (-1, False, "not a usable"), ("fast", False, "not a usable")])
def test_check_converging_learning_rate(learning_rate, passed, words):
    feedback = check_converging_learning_rate(learning_rate)
    assert bool(feedback) is passed and words in feedback.message


def test_check_parameters():
    assert check_parameters(["weights", "Biases "])
    feedback = check_parameters(["weights", "learning rate"])
    assert not feedback and "'learning rate' is chosen before training" in feedback.message
    assert "'biases' is learned" in feedback.message
    assert "not on the list" in check_parameters("weight").message


def test_check_step_size():
    assert check_step_size(0.1 / 3)
    assert "starting step size" in check_step_size(0.1).message
    assert not check_step_size(0.05) and not check_step_size("soon")
    assert check_step_size(0.25, learning_rate=0.5, decay=1.0, epoch=1)
