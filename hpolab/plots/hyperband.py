"""Figures for lesson 05: learning curves, successive halving, Hyperband brackets, comparisons by budget."""

from __future__ import annotations

import warnings

import numpy as np

from ._style import COLORS, METHOD_COLORS, new_figure

__all__ = ["plot_learning_curves", "plot_successive_halving", "plot_brackets", "plot_anytime",
           "plot_epochs_to_target"]


def plot_learning_curves(curves, title: str = "Learning curves of random configurations", top: int = 3):
    """Validation accuracy against epochs, one line per configuration; the ``top`` finishers stand out.

    Parameters
    ----------
    curves : 2-D array, shape (n_configs, n_epochs)
        Score after each epoch (column 0 is after 1 epoch).
    title : str
    top : int
        How many of the best final scores to colour.
    """
    curves = np.asarray(curves, dtype=float)
    epochs = np.arange(1, curves.shape[1] + 1)
    fig, ax = new_figure(width=6.4, height=3.8)
    best = np.argsort(-curves[:, -1], kind="stable")[:top]
    for i, curve in enumerate(curves):
        if i not in best:
            ax.plot(epochs, curve, color=COLORS["grey"], lw=0.8, alpha=0.6)
    for rank, i in enumerate(best):
        ax.plot(epochs, curves[i], color=METHOD_COLORS["hyperband"], lw=2,
                label=f"the {top} best after {epochs[-1]} epochs" if rank == 0 else None)
    ax.plot([], [], color=COLORS["grey"], lw=0.8, label=f"the other {len(curves) - len(best)}")
    ax.set_xscale("log")
    ax.set_xlabel("epochs trained (log scale)")
    ax.set_ylabel("validation accuracy")
    ax.set_ylim(0, 1)
    ax.set_title(title)
    ax.legend(loc="lower right", fontsize=8)
    return fig


def plot_successive_halving(history, curves=None, title: str = "Successive halving: who goes on"):
    """Scores of every configuration at every round it reached; stopped ones grey, survivors coloured.

    Parameters
    ----------
    history : History
        A successive-halving (or one-bracket) run; trials carry ``info["config_id"]``.
    curves : dict of int to array, optional
        Per ``config_id``, the score after every epoch (index 0: after 1 epoch): solid up to the
        budget it reached, dotted beyond (what it would have done, when the curve is known).
    title : str
    """
    fig, ax = new_figure(width=6.4, height=4.0)
    by_config: dict[int, list] = {}
    for t in history:
        if t.ok:
            by_config.setdefault(t.info["config_id"], []).append((t.budget, t.score))
    last = max(t.budget for t in history)
    colors = {"stopped": COLORS["grey"], "promoted": COLORS["sky"], "winner": METHOD_COLORS["hyperband"]}
    for cid, points in by_config.items():
        kind = "winner" if points[-1][0] == last else "promoted" if len(points) > 1 else "stopped"
        budgets, scores = zip(*points)
        if curves is not None and cid in curves:  # solid while trained, dotted: what it would have done
            c, reached = np.asarray(curves[cid]), int(budgets[-1])
            ax.plot(np.arange(1, reached + 1), c[:reached], color=colors[kind], lw=0.9, alpha=0.8)
            ax.plot(np.arange(reached, len(c) + 1), c[reached - 1:], color=colors[kind], lw=0.7, alpha=0.35,
                    ls=":")
        ax.plot(budgets, scores, "o", color=colors[kind], ms=5 if kind == "stopped" else 7,
                mec="black" if kind != "stopped" else "none", mew=0.5)
    for kind, color in colors.items():
        ax.plot([], [], "o", color=color, label={"stopped": "stopped after its first round",
                                                 "promoted": "promoted, stopped later",
                                                 "winner": "reached the full budget"}[kind])
    rungs = sorted({t.budget for t in history})
    for r in rungs:
        ax.axvline(r, color=COLORS["black"], lw=0.6, ls=":")
    ax.set_xscale("log")
    ax.set_xticks(rungs, [f"{r:g}" for r in rungs])
    ax.set_xlabel("budget: epochs trained (log scale; dotted lines are the rounds)")
    ax.set_ylabel("validation accuracy")
    ax.set_title(title)
    ax.legend(loc="lower right", fontsize=8)
    return fig


def plot_brackets(brackets, title: str | None = None):
    """Hyperband's brackets: configurations per round against budget, and each bracket's total budget.

    Parameters
    ----------
    brackets : list of dict
        From :func:`hpolab.search.schedules.hyperband_brackets`.
    title : str, optional
    """
    fig, (ax, bar) = new_figure(1, 2, width=8.6, height=3.8, gridspec_kw={"width_ratios": [2.2, 1]})
    palette = [COLORS[c] for c in ("vermillion", "orange", "green", "blue", "purple", "sky", "black", "grey")]
    for k, b in enumerate(brackets):
        color = palette[k % len(palette)]
        ax.plot(b["budget"], b["n"], "-o", color=color, label=f"s={b['s']}: {b['n'][0]} @ {b['budget'][0]:g}")
        total = sum(n * r for n, r in zip(b["n"], b["budget"]))
        bar.barh(k, total, color=color)
        bar.text(total, k, f" {total:g}", va="center", fontsize=8)
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("budget per configuration (log scale)")
    ax.set_ylabel("configurations in the round (log scale)")
    ax.legend(title="bracket: start", fontsize=8, title_fontsize=8, loc="lower left")
    ax.set_title("Each bracket: many cheap runs ... few full runs")
    bar.set_yticks(range(len(brackets)), [f"s={b['s']}" for b in brackets])
    bar.invert_yaxis()
    bar.set_xlabel("total budget, no checkpoints")
    bar.set_title("Budget per bracket")
    bar.set_xlim(0, 1.35 * max(sum(n * r for n, r in zip(b["n"], b["budget"])) for b in brackets))
    if title:
        fig.suptitle(title)
    return fig


def plot_anytime(grid, curves_by_method: dict, target: float | None = None,
                 title: str = "Best validation accuracy so far, against compute"):
    """Median best-so-far score against cumulative budget, with the 25-75 % band over seeds.

    Parameters
    ----------
    grid : array-like
        Cumulative budgets (x axis).
    curves_by_method : dict of str to 2-D array
        Per method, one row per seed (NaN where a run had not started or had stopped).
    target : float, optional
        Draw a horizontal line at this score.
    """
    grid = np.asarray(grid, dtype=float)
    fig, ax = new_figure(width=6.8, height=4.0)
    for method, rows in curves_by_method.items():
        color = METHOD_COLORS.get(method, COLORS["black"])
        with warnings.catch_warnings():  # columns where no run has a score yet are all NaN
            warnings.simplefilter("ignore", RuntimeWarning)
            q1, median, q3 = np.nanpercentile(rows, [25, 50, 75], axis=0)
        ax.plot(grid, median, color=color, lw=2, label=f"{method} (median of {len(rows)})")
        ax.fill_between(grid, q1, q3, color=color, alpha=0.2, lw=0)
    if target is not None:
        ax.axhline(target, color=COLORS["black"], ls="--", lw=1, label=f"target {target:.3f}")
    ax.set_xscale("log")
    ax.set_xlabel("cumulative epochs trained (log scale)")
    ax.set_ylabel("best validation accuracy so far")
    ax.set_title(title)
    ax.legend(loc="lower right", fontsize=8)
    return fig


def plot_epochs_to_target(epochs_by_method: dict, title: str = "Epochs needed to reach the target"):
    """One dot per seed of the epochs each method needed; a bar marks the median.

    Seeds that never reached the target are drawn at the right edge, marked "never".
    """
    fig, ax = new_figure(width=6.8, height=0.7 + 0.6 * len(epochs_by_method))
    finite = np.concatenate([e[np.isfinite(e)] for e in epochs_by_method.values()])
    edge = finite.max() * 2 if finite.size else 1.0
    rng = np.random.default_rng(0)  # vertical jitter only, so dots do not hide each other
    for k, (method, epochs) in enumerate(epochs_by_method.items()):
        e = np.where(np.isfinite(epochs), epochs, edge)
        color = METHOD_COLORS.get(method, COLORS["black"])
        ax.scatter(e, k + rng.uniform(-0.15, 0.15, len(e)), color=color, s=18, alpha=0.8)
        median = np.median(e)
        ax.plot([median, median], [k - 0.3, k + 0.3], color="black", lw=2)
        ax.text(median, k + 0.33, f"median {median:.0f}" if median < edge else "median: never",
                ha="center", va="bottom", fontsize=8)
    ax.axvline(edge, color=COLORS["grey"], ls=":")
    ax.text(edge, -0.6, "never", ha="center", fontsize=8, color=COLORS["grey"])
    ax.set_yticks(range(len(epochs_by_method)), list(epochs_by_method))
    ax.set_ylim(len(epochs_by_method) - 0.4, -0.8)
    ax.set_xscale("log")
    ax.set_xlabel("cumulative epochs until within the tolerance of the best (log scale)")
    ax.set_title(title)
    return fig

