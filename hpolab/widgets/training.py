"""Explorers for lesson 01: hyperparameters are the sliders, parameters are what training moves.

To answer within the 200 ms a slider needs, the network explorers train on a small slice
of digits (400 training and 200 validation images) for a fixed 12 epochs; the numbers
are therefore a little lower than with the full data set.
"""

from __future__ import annotations

from functools import lru_cache

from ._base import Explorer

__all__ = ["train_small_network", "WeightExplorer", "TrainingCurvesExplorer", "DescentExplorer"]

EPOCHS, N_TRAIN, N_VALIDATION = 12, 400, 200


@lru_cache(maxsize=1)
def _digits_slice():
    from ..models import load_digits_split

    X_train, X_val, y_train, y_val = load_digits_split(seed=0)
    return X_train[:N_TRAIN], y_train[:N_TRAIN], X_val[:N_VALIDATION], y_val[:N_VALIDATION]


def train_small_network(learning_rate=0.05, decay=0.0, hidden_layers=1, nodes=32, batch_size=32, momentum=0.9,
                        epochs=EPOCHS, seed=0):
    """Train :class:`~hpolab.models.MLPClassifier` on a small slice of digits, recording everything.

    Parameters
    ----------
    learning_rate, decay, hidden_layers, nodes, batch_size, momentum, epochs, seed
        As in :class:`~hpolab.models.MLPClassifier`.

    Returns
    -------
    dict
        ``hyperparameters`` (the six), ``loss_curve``, ``validation_loss_curve``,
        ``train_score_curve``, ``validation_score_curve``, ``weight_history``, ``diverged``,
        ``epochs_trained`` and ``validation_accuracy`` (after the last epoch trained).
    """
    from ..models import MLPClassifier

    hyperparameters = dict(learning_rate=learning_rate, decay=decay, hidden_layers=hidden_layers, nodes=nodes,
                           batch_size=batch_size, momentum=momentum)
    X_train, y_train, X_val, y_val = _digits_slice()
    net = MLPClassifier(**hyperparameters, epochs=epochs, seed=seed)
    net.fit(X_train, y_train, X_val=X_val, y_val=y_val, record_weights=True)
    return {"hyperparameters": hyperparameters, "loss_curve": net.loss_curve_,
            "validation_loss_curve": net.validation_loss_curve_, "train_score_curve": net.train_score_curve_,
            "validation_score_curve": net.validation_score_curve_, "weight_history": net.weight_history_,
            "diverged": net.diverged_, "epochs_trained": net.n_epochs_,
            "validation_accuracy": net.score(X_val, y_val)}


def _six_sliders():
    import ipywidgets as w

    return {
        "learning_rate": w.SelectionSlider(options=[0.001, 0.003, 0.01, 0.03, 0.05, 0.1, 0.3, 1.0, 3.0, 10.0, 30.0],
                                           value=0.05, description="learning rate"),
        "decay": w.FloatSlider(0.0, min=0.0, max=2.0, step=0.1, description="decay"),
        "hidden_layers": w.IntSlider(1, min=0, max=3, description="hidden layers"),
        "nodes": w.SelectionSlider(options=[2, 4, 8, 16, 32, 64], value=32, description="nodes per layer"),
        "batch_size": w.SelectionSlider(options=[8, 16, 32, 64, 128, 400], value=32, description="mini-batch size"),
        "momentum": w.FloatSlider(0.9, min=0.0, max=0.99, step=0.01, description="momentum"),
    }


def _verdict(result) -> str:
    if result["diverged"]:
        return (f"<b>Diverged</b> in epoch {result['epochs_trained'] + 1}: the loss blew up, so training stopped. "
                "Try a smaller learning rate or less momentum.")
    summary = (f"After {result['epochs_trained']} epochs: training loss {result['loss_curve'][-1]:.3f}, "
               f"validation accuracy {result['validation_accuracy']:.1%}.")
    if result["validation_accuracy"] < 0.2:
        summary += (" <b>No better than guessing</b>: steps this large usually kill every ReLU unit "
                    "(each outputs 0 for every image), and nothing is left to learn with.")
    return summary


class WeightExplorer(Explorer):
    """Train live and watch a few weights move epoch by epoch; the six sliders do not move.

    Each slider change trains a new network from the same initial weights (seed 0), so any
    difference in the weight paths comes from the hyperparameters.
    """

    title = "Parameters move during training; hyperparameters are the sliders you set before it"

    def controls(self):
        return _six_sliders()

    def compute(self, **hyperparameters):
        return train_small_network(**hyperparameters)

    def draw(self, result):
        from ..plots import plot_weight_trajectories

        return plot_weight_trajectories(result["weight_history"], result["loss_curve"],
                                        result["hyperparameters"], diverged=result["diverged"])

    def describe(self, result):
        return _verdict(result)


class TrainingCurvesExplorer(Explorer):
    """All six hyperparameters -> training and validation curves of the network."""

    title = "Six hyperparameters, one network: training and validation curves"

    def controls(self):
        return _six_sliders()

    def compute(self, **hyperparameters):
        return train_small_network(**hyperparameters)

    def draw(self, result):
        from ..plots import plot_training_curves
        from ..plots.training import hyperparameter_text

        return plot_training_curves(result["loss_curve"], result["validation_loss_curve"],
                                    result["train_score_curve"], result["validation_score_curve"],
                                    title=hyperparameter_text(result["hyperparameters"]),
                                    diverged=result["diverged"])

    def describe(self, result):
        return _verdict(result)


class DescentExplorer(Explorer):
    """Gradient descent on a 2-D loss surface with learning-rate, momentum and decay sliders."""

    title = "Gradient descent: the path of two parameters under your hyperparameters"

    def controls(self):
        import ipywidgets as w

        from ..descent import SURFACES
        return {
            "learning_rate": w.SelectionSlider(options=[0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.15, 0.18, 0.19,
                                                        0.2, 0.21, 0.25, 0.3, 0.5, 1.0],
                                               value=0.05, description="learning rate"),
            "momentum": w.FloatSlider(0.0, min=0.0, max=0.95, step=0.05, description="momentum"),
            "decay": w.FloatSlider(0.0, min=0.0, max=1.0, step=0.02, description="decay per step"),
            "steps": w.IntSlider(50, min=5, max=200, step=5, description="steps"),
            "surface": w.Dropdown(options=sorted(SURFACES), value="bowl", description="surface"),
        }

    def compute(self, learning_rate, momentum, decay, steps, surface):
        from ..descent import gradient_descent

        path = gradient_descent(surface, learning_rate=learning_rate, momentum=momentum, decay=decay, steps=steps)
        return {"path": path, "surface": surface, "learning_rate": learning_rate, "momentum": momentum,
                "decay": decay, "steps": steps}

    def draw(self, result):
        from ..descent import SURFACES
        from ..plots import plot_descent

        label = f"lr {result['learning_rate']:.3g}, momentum {result['momentum']:g}, decay {result['decay']:g}"
        return plot_descent(SURFACES[result["surface"]], result["path"], [label])

    def layout_key(self, result):
        return result["surface"]

    def describe(self, result):
        path = result["path"]
        if path.diverged:
            return (f"<b>Diverged</b> after {len(path.points) - 1} steps: each step overshoots further. "
                    "Lower the learning rate.")
        if path.converged_step is not None:
            return f"Converged: within 0.001 of the minimum from step {path.converged_step} on."
        from ..descent import SURFACES

        surface = SURFACES[result["surface"]]
        gap = path.final_loss - surface(*surface.minimum)
        return (f"Not converged after {result['steps']} steps: the loss is still {gap:.3g} above the minimum. "
                "Too slow (raise the learning rate or momentum) or zigzagging (lower them)?")
