"""Figures for lesson 01: weights moving during training, training curves, gradient descent paths."""

from __future__ import annotations

import numpy as np
from matplotlib.ticker import LogFormatter, MaxNLocator

from ._style import COLORS, new_figure

__all__ = ["plot_weight_trajectories", "plot_training_curves", "plot_descent", "hyperparameter_text"]

_LINE_COLORS = [COLORS[c] for c in ("blue", "orange", "green", "vermillion", "sky", "purple", "black")]


def hyperparameter_text(hyperparameters) -> str:
    """``"learning_rate=0.05, decay=0, ..."``: a short line for figure titles."""
    return ", ".join(f"{name}={value:.3g}" if isinstance(value, float) else f"{name}={value}"
                     for name, value in hyperparameters.items())


def _log_y_integer_x(ax):
    """Log-scaled y with short tick labels ("2.2", "1e-03"), and whole numbers on x (epochs, steps)."""
    ax.set_yscale("log")
    ax.yaxis.set_major_formatter(LogFormatter(labelOnlyBase=False))
    ax.yaxis.set_minor_formatter(LogFormatter(labelOnlyBase=False, minor_thresholds=(2, 0.5)))
    ax.xaxis.set_major_locator(MaxNLocator(integer=True, min_n_ticks=1))


def _most_moving(weight_history, n_weights):
    """Trajectories (epochs x n_weights) of the first-layer weights that moved the most."""
    first_layer = np.array([snapshot[0].ravel() for snapshot in weight_history])
    movement = np.abs(np.diff(first_layer, axis=0)).sum(axis=0)
    chosen = np.sort(np.argsort(movement, kind="stable")[::-1][:n_weights])
    return first_layer[:, chosen], chosen, weight_history[0][0].shape


def plot_weight_trajectories(weight_history, loss_curve, hyperparameters=None, n_weights=6, diverged=False):
    """Parameters change epoch by epoch while the hyperparameters stay fixed.

    Parameters
    ----------
    weight_history : list of list of ndarray
        ``MLPClassifier.weight_history_``: the weight matrices at the start and after each epoch.
    loss_curve : sequence of float
        Training loss after each epoch.
    hyperparameters : dict, optional
        Shown in the title, to make the point that they did not change.
    n_weights : int, default 6
        How many first-layer weights to follow (those that moved the most).
    diverged : bool, default False
        Say on the figure that training blew up and was stopped.

    Returns
    -------
    matplotlib.figure.Figure
    """
    trajectories, chosen, shape = _most_moving(weight_history, n_weights)
    fig, (left, right) = new_figure(1, 2, width=10, height=3.8)
    epochs = np.arange(len(trajectories))
    target = "digit" if len(weight_history[0]) == 1 else "hidden unit"  # no hidden layer: straight to the output
    for k, (index, color) in enumerate(zip(chosen, _LINE_COLORS * 2)):
        row, col = np.unravel_index(index, shape)
        left.plot(epochs, trajectories[:, k], marker="o", markersize=3, color=color,
                  label=f"pixel {row} \N{RIGHTWARDS ARROW} {target} {col}")
    left.set(xlabel="epoch (0 = initial weights)", ylabel="weight value",
             title=f"{len(chosen)} first-layer weights (parameters) being learned")
    left.legend(fontsize=8, loc="best")
    right.plot(np.arange(1, len(loss_curve) + 1), loss_curve, marker="o", markersize=3, color=COLORS["black"],
               label="training loss")
    right.set(xlabel="epoch", ylabel="cross-entropy loss (log scale)", title="Training loss",
              xlim=(0.5, max(len(loss_curve), 1) + 0.5))
    _log_y_integer_x(right)
    left.xaxis.set_major_locator(MaxNLocator(integer=True, min_n_ticks=1))
    if len(loss_curve) == 0:
        right.set_ylim(1e-2, 10)
    right.legend()
    if diverged:
        right.text(0.5, 0.5, f"DIVERGED in epoch {len(loss_curve) + 1}:\nthe loss blew up, training stopped",
                   transform=right.transAxes, ha="center", va="center", color=COLORS["vermillion"],
                   fontsize=11, fontweight="bold")
    if hyperparameters:
        fig.suptitle("Hyperparameters, fixed before training:\n" + hyperparameter_text(hyperparameters), fontsize=10)
    return fig


def plot_training_curves(loss_curve, validation_loss_curve, train_score_curve, validation_score_curve,
                         title="Training and validation curves", diverged=False):
    """Loss and accuracy per epoch on the training and the validation data.

    Parameters
    ----------
    loss_curve, validation_loss_curve, train_score_curve, validation_score_curve : sequence of float
        One value per epoch, as recorded by :class:`hpolab.models.MLPClassifier`.
    title : str
        Figure title.
    diverged : bool, default False
        Say on the figure that training blew up and was stopped.

    Returns
    -------
    matplotlib.figure.Figure
    """
    fig, (loss_ax, score_ax) = new_figure(1, 2, width=10, height=3.6)
    epochs = np.arange(1, len(loss_curve) + 1)
    pairs = [(loss_ax, loss_curve, validation_loss_curve), (score_ax, train_score_curve, validation_score_curve)]
    for ax, train, validation in pairs:
        ax.plot(epochs, train, marker="o", markersize=3, color=COLORS["blue"], label="training")
        ax.plot(epochs, validation, marker="s", markersize=3, color=COLORS["orange"], label="validation")
        ax.set(xlabel="epoch", xlim=(0.5, max(len(epochs), 1) + 0.5))
        ax.legend(loc="best")
    loss_ax.set(ylabel="cross-entropy loss (log scale)", title="Loss (lower is better)")
    _log_y_integer_x(loss_ax)
    score_ax.xaxis.set_major_locator(MaxNLocator(integer=True, min_n_ticks=1))
    if len(loss_curve) == 0:  # diverged in the first epoch: nothing to draw, keep a sensible empty axis
        loss_ax.set_ylim(1e-2, 10)
    scores = np.concatenate([train_score_curve, validation_score_curve])
    scores = scores[np.isfinite(scores)]
    bottom = max(0.0, min(0.8, scores.min() - 0.02)) if len(scores) else 0.0  # zoom in on good runs
    score_ax.set(ylabel="accuracy", title="Accuracy (higher is better)", ylim=(bottom, 1.005))
    if diverged:
        for ax in (loss_ax, score_ax):
            ax.text(0.5, 0.5, f"DIVERGED in epoch {len(epochs) + 1}:\nthe loss blew up, training stopped",
                    transform=ax.transAxes, ha="center", va="center", color=COLORS["vermillion"],
                    fontsize=11, fontweight="bold")
    fig.suptitle(title, fontsize=11)
    return fig


def plot_descent(surface, paths, labels=None, title=None):
    """Gradient descent paths on the contours of a 2-D loss surface, and the loss per step.

    Parameters
    ----------
    surface : hpolab.descent.Surface
    paths : DescentPath or list of DescentPath
    labels : list of str, optional
        One per path (for example the learning rates).
    title : str, optional

    Returns
    -------
    matplotlib.figure.Figure
    """
    paths = paths if isinstance(paths, (list, tuple)) else [paths]
    labels = labels or [f"path {k + 1}" for k in range(len(paths))]
    fig, (ax, loss_ax) = new_figure(1, 2, width=10, height=4, gridspec_kw={"width_ratios": [1.3, 1]})
    x0, x1, y0, y1 = surface.extent
    X, Y = np.meshgrid(np.linspace(x0, x1, 120), np.linspace(y0, y1, 100))
    Z = surface(X, Y) - surface(*surface.minimum)
    ax.contour(X, Y, Z, levels=np.geomspace(max(Z.min(), 1e-3) + 1e-2, Z.max(), 12), colors=COLORS["grey"],
               linewidths=0.7)
    ax.plot(*surface.minimum, marker="*", markersize=14, color=COLORS["black"], linestyle="none", label="minimum")
    best, n_diverged = surface(*surface.minimum), 0
    for path, label, color in zip(paths, labels, _LINE_COLORS):
        status = " DIVERGED" if path.diverged else ""
        ax.plot(path.points[:, 0], path.points[:, 1], marker="o", markersize=3, linewidth=1.2, color=color,
                label=label + status)
        steps = np.arange(len(path.losses))
        loss_ax.plot(steps, np.maximum(path.losses - best, 1e-12), color=color, label=label + status)
        if path.diverged:
            loss_ax.plot(steps[-1], max(path.losses[-1] - best, 1e-12), marker="X", markersize=12, color=color)
            n_diverged += 1
            ax.text(0.03, 0.09 * n_diverged - 0.05, f"{label}: DIVERGED after {len(steps) - 1} steps (the loss blew up)",
                    transform=ax.transAxes, color=color, fontweight="bold", fontsize=9, zorder=5,
                    bbox={"facecolor": "white", "edgecolor": color, "alpha": 0.9})
    ax.plot(*path.points[0], marker="o", markersize=8, color=COLORS["black"], fillstyle="none", linestyle="none",
            label="start")
    ax.set(xlim=(x0, x1), ylim=(y0, y1), xlabel="parameter x", ylabel="parameter y",
           title=title or f"Gradient descent on the {surface.name}")
    ax.legend(fontsize=8, loc="upper right")
    loss_ax.set(xlabel="step", ylabel="loss above the minimum (log scale)", title="Loss after each step")
    _log_y_integer_x(loss_ax)
    loss_ax.legend(fontsize=8, loc="best")
    return fig
