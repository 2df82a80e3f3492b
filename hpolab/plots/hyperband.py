"""Figures for lesson 05: learning curves, successive halving, Hyperband brackets, comparisons by budget."""

from __future__ import annotations

import warnings

import numpy as np
from matplotlib.ticker import NullFormatter, NullLocator, ScalarFormatter

from ._style import COLORS, METHOD_COLORS, fixed_margins, new_figure

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
    from matplotlib.collections import LineCollection

    fig, ax = new_figure(width=6.4, height=4.0)
    by_config: dict[int, list] = {}
    for t in history:
        if t.ok:
            by_config.setdefault(t.info["config_id"], []).append((t.budget, t.score))
    last = max(t.budget for t in history)
    colors = {"stopped": COLORS["grey"], "promoted": COLORS["sky"], "winner": METHOD_COLORS["hyperband"]}
    labels = {"stopped": "stopped after its first round", "promoted": "promoted, stopped later",
              "winner": "reached the full budget"}
    points = {kind: [] for kind in colors}
    trained, untrained = {kind: [] for kind in colors}, {kind: [] for kind in colors}
    for cid, reached in by_config.items():
        kind = "winner" if reached[-1][0] == last else "promoted" if len(reached) > 1 else "stopped"
        points[kind] += reached
        if curves is not None and cid in curves:  # solid while trained, dotted: what it would have done
            c, stop = np.asarray(curves[cid], dtype=float), int(reached[-1][0])
            epochs = np.arange(1, len(c) + 1)
            trained[kind].append(np.column_stack([epochs[:stop], c[:stop]]))
            if stop < len(c):
                untrained[kind].append(np.column_stack([epochs[stop - 1:], c[stop - 1:]]))
    for kind, color in colors.items():  # one collection per kind: fast to draw even for 100 curves
        ax.add_collection(LineCollection(untrained[kind], colors=color, linewidths=0.7, alpha=0.3,
                                         linestyles=":"))
        ax.add_collection(LineCollection(trained[kind], colors=color, linewidths=0.9, alpha=0.8,
                                         zorder=2 + (kind == "winner")))
        xy = np.array(points[kind]).reshape(-1, 2)
        ax.scatter(xy[:, 0], xy[:, 1], color=color, s=20 if kind == "stopped" else 40, zorder=4,
                   edgecolors="none" if kind == "stopped" else "black", linewidths=0.5, label=labels[kind])
    rungs = sorted({t.budget for t in history})
    for r in rungs:
        ax.axvline(r, color=COLORS["black"], lw=0.6, ls=":")
    ax.set_xscale("log")
    ax.set_xlim(rungs[0] / 1.3, (len(next(iter(curves.values()))) if curves else last) * 1.3)
    ax.set_xticks(rungs, [f"{r:g}" for r in rungs])
    ax.minorticks_off()
    ax.set_xlabel("budget: epochs trained (log scale; dotted lines are the rounds)")
    ax.set_ylabel("validation accuracy")
    ax.set_title(title)
    ax.legend(loc="lower right", fontsize=8)
    fixed_margins(fig, left=0.1, right=0.97, bottom=0.13, top=0.92)
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
    budgets = sorted({r for b in brackets for r in b["budget"]})
    ax.set_xticks(budgets, [f"{r:.3g}" for r in budgets])
    starts = sorted({b["n"][0] for b in brackets} | {1})
    ax.set_yticks(starts, [str(n) for n in starts])
    for axis in (ax.xaxis, ax.yaxis):  # unlabelled minor ticks of log axes are slow to lay out
        axis.set_minor_locator(NullLocator())
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
    fixed_margins(fig, left=0.08, right=0.98, bottom=0.13, top=0.8 if title else 0.9, wspace=0.28)
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
    styles = ["-", "--", "-.", ":"]
    for k, (method, rows) in enumerate(curves_by_method.items()):
        color = METHOD_COLORS.get(method, COLORS["black"])
        with warnings.catch_warnings():  # columns where no run has a score yet are all NaN
            warnings.simplefilter("ignore", RuntimeWarning)
            q1, median, q3 = np.nanpercentile(rows, [25, 50, 75], axis=0)
        ax.plot(grid, median, color=color, lw=2, ls=styles[k % len(styles)],
                label=f"{method} (median of {len(rows)})")
        ax.fill_between(grid, q1, q3, color=color, alpha=0.2, lw=0)
    if target is not None:
        ax.axhline(target, color=COLORS["black"], ls="--", lw=1, label=f"target {target:.3f}")
    ax.set_xscale("log")
    ax.xaxis.set_major_formatter(ScalarFormatter())
    ax.set_xlabel("cumulative epochs trained (log scale)")
    ax.set_ylabel("best validation accuracy so far")
    ax.set_title(title)
    ax.legend(loc="lower right", fontsize=8)
    return fig


def plot_epochs_to_target(epochs_by_method: dict, title: str = "Epochs needed to reach the target"):
    """One dot per seed of the epochs each method needed; a bar marks the median.

    Seeds that never reached the target are drawn at the right edge, marked "never".
    """
    fig, ax = new_figure(width=6.8, height=1.0 + 0.7 * len(epochs_by_method))
    finite = np.concatenate([e[np.isfinite(e)] for e in epochs_by_method.values()])
    edge = finite.max() * 2 if finite.size else 1.0
    rng = np.random.default_rng(0)  # vertical jitter only, so dots do not hide each other
    for k, (method, epochs) in enumerate(epochs_by_method.items()):
        e = np.where(np.isfinite(epochs), epochs, edge)
        color = METHOD_COLORS.get(method, COLORS["black"])
        ax.scatter(e, k + rng.uniform(-0.15, 0.15, len(e)), color=color, s=18, alpha=0.8)
        median = np.median(e)
        ax.plot([median, median], [k - 0.25, k + 0.25], color="black", lw=2)
        ax.text(median, k - 0.28, f"median {median:.0f}" if median < edge else "median: never",
                ha="center", va="bottom", fontsize=8)
    ax.axvline(edge, color=COLORS["grey"], ls=":")
    ax.text(edge, len(epochs_by_method) - 0.45, "never", ha="center", va="bottom", fontsize=8,
            color=COLORS["grey"])
    ax.set_yticks(range(len(epochs_by_method)), list(epochs_by_method))
    ax.set_ylim(len(epochs_by_method) - 0.4, -0.7)
    ax.set_xscale("log")
    ax.xaxis.set_major_formatter(ScalarFormatter())
    ax.xaxis.set_minor_formatter(NullFormatter())
    ax.set_xlabel("cumulative epochs until within the tolerance of the best (log scale)")
    ax.set_title(title)
    return fig
