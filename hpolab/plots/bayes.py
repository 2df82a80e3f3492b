"""Figures for lesson 04: Gaussian processes, acquisition functions, Bayesian optimization runs."""

from __future__ import annotations

import numpy as np
from matplotlib.ticker import MaxNLocator

from ._style import COLORS, METHOD_COLORS, new_figure

__all__ = ["plot_gp", "plot_bo_step", "plot_acquisitions", "plot_best_so_far", "plot_tried_points"]

_ACQ_COLORS = {"EI": COLORS["green"], "PI": COLORS["purple"], "UCB": COLORS["orange"]}


def _draw_gp(ax, result, truth=None, samples=True):
    """Mean, +-2 sd band, samples, the true function and the observations on one axis."""
    x, mean, sd = result["x"], result["mean"], result["sd"]
    ax.fill_between(x, mean - 2 * sd, mean + 2 * sd, color=COLORS["sky"], alpha=0.3, lw=0,
                    label="mean ± 2 sd")
    if samples:
        for k, draw in enumerate(result.get("samples", [])):
            ax.plot(x, draw, color=COLORS["blue"], lw=0.8, alpha=0.6, ls="--", label="sampled functions" if k == 0
                    else None)
    if truth is not None:
        ax.plot(x, truth, color=COLORS["black"], lw=1.2, ls=":", label="true function")
    ax.plot(x, mean, color=COLORS["blue"], lw=2, label="GP mean")
    if len(result["x_observed"]):
        ax.scatter(result["x_observed"], result["y_observed"], color=COLORS["vermillion"], s=30, zorder=5,
                   label="observations")
    ax.set_xlim(x[0], x[-1])
    ax.set_ylabel("f(x)")


def plot_gp(result, truth=None, title="Gaussian-process posterior"):
    """A 1-D GP: posterior (or prior) mean, ±2 sd band, sampled functions, observations.

    Parameters
    ----------
    result : dict
        From :func:`hpolab.widgets.bayes.gp_on_grid` (``x``, ``mean``, ``sd``, ``samples``,
        ``x_observed``, ``y_observed``).
    truth : array, optional
        The true function on ``x``, drawn dotted.
    """
    fig, ax = new_figure(width=7.0, height=3.8)
    _draw_gp(ax, result, truth)
    ax.set_xlabel("x")
    ax.set_title(title)
    ax.legend(loc="upper left", fontsize=8, ncol=2)
    return fig


def plot_bo_step(step, title=None):
    """One step of Bayesian optimization: GP above, acquisition below, the next point on both.

    Parameters
    ----------
    step : dict
        One entry of :func:`hpolab.widgets.bayes.bo_trace_1d`.
    """
    fig, (top, bottom) = new_figure(2, 1, width=7.0, height=5.4, sharex=True, height_ratios=[2, 1])
    _draw_gp(top, step, truth=step["truth"], samples=False)
    nxt = step["next_x"]
    for ax in (top, bottom):
        ax.axvline(nxt, color=COLORS["green"], lw=1.5, ls="--")
    top.scatter([nxt], [np.interp(nxt, step["x"], step["truth"])], marker="*", s=200, color=COLORS["green"],
                edgecolor=COLORS["black"], zorder=6, label="next evaluation")
    top.set_title(title or f"Step {step['step']}: the GP after {len(step['y_observed'])} evaluations")
    top.legend(loc="upper left", fontsize=8, ncol=2)
    name = step["acquisition_name"].upper()
    bottom.fill_between(step["x"], 0, step["acquisition"] - step["acquisition"].min(), color=_ACQ_COLORS[name],
                        alpha=0.4, lw=0)
    bottom.plot(step["x"], step["acquisition"] - step["acquisition"].min(), color=_ACQ_COLORS[name], lw=1.5,
                label=name)
    bottom.set_ylabel(f"{name} (larger = try)")
    bottom.set_xlabel("x")
    bottom.legend(loc="upper left", fontsize=8)
    return fig


def plot_acquisitions(result, title="Where would each acquisition evaluate next?"):
    """The GP posterior above; EI, PI and the confidence bound below, each with its choice.

    Parameters
    ----------
    result : dict
        From :func:`hpolab.widgets.bayes.acquisitions_on_grid`.
    """
    fig, axes = new_figure(width=9.6, height=5.4, mosaic=[["gp"] * 3, list(_ACQ_COLORS)], height_ratios=[1.3, 1])
    top = axes["gp"]
    _draw_gp(top, result, truth=result["truth"], samples=False)
    for k, (name, x) in enumerate(result["choice"].items()):
        top.axvline(x, color=_ACQ_COLORS[name], lw=1.5, ls="--")
        top.annotate(f"{name} picks {x:.2f}", (x, 1.0), xycoords=("data", "axes fraction"), xytext=(3, -12 * (k + 1)),
                     textcoords="offset points", color=_ACQ_COLORS[name], fontsize=8, fontweight="bold")
    top.legend(loc="upper center", fontsize=7, ncol=2)
    top.set_title(title)
    labels = {"EI": f"expected improvement (xi = {result['xi']:.2f})",
              "PI": f"prob. of improvement (xi = {result['xi']:.2f})",
              "UCB": f"mean - {result['kappa']:.2f} sd (minimise)"}
    for name, values in result["values"].items():
        ax = axes[name]
        ax.plot(result["x"], values, color=_ACQ_COLORS[name], lw=1.8)
        ax.axvline(result["choice"][name], color=_ACQ_COLORS[name], lw=1.2, ls="--")
        ax.set_title(labels[name], fontsize=9)
        ax.set_xlabel("x")
        ax.set_xticks([0, 0.5, 1])
        ax.set_yticks([])  # the three scales differ; only where each peaks matters
    axes[next(iter(_ACQ_COLORS))].set_ylabel("acquisition value\n(higher = try; UCB: lower)")
    return fig


def plot_best_so_far(curves_by_method, title="Best score so far, over seeds", ylabel="best score so far",
                     best=None, ylim=None):
    """Median best-so-far curve per method against the number of evaluations, with the 25-75 % band.

    Parameters
    ----------
    curves_by_method : dict of str to 2-D array
        Per method, one row per seed, one column per evaluation.
    best : float, optional
        The best achievable score, drawn as a dashed line.
    ylim : (float, float), optional
        Zoom into the interesting range of scores.
    """
    fig, ax = new_figure(width=6.8, height=4.0)
    styles = ["-", "--", "-.", ":"]
    for k, (method, rows) in enumerate(curves_by_method.items()):
        rows = np.asarray(rows, float)
        n = np.arange(1, rows.shape[1] + 1)
        q1, median, q3 = np.percentile(rows, [25, 50, 75], axis=0)
        color = METHOD_COLORS.get(method, COLORS["black"])
        ax.plot(n, median, color=color, lw=2, ls=styles[k % len(styles)], label=f"{method} (median of {len(rows)})")
        ax.fill_between(n, q1, q3, color=color, alpha=0.2, lw=0, label="25-75 % of seeds" if k == 0 else None)
    if best is not None:
        ax.axhline(best, color=COLORS["black"], lw=1, ls=":", label=f"best possible {best:.4f}")
    if ylim is not None:
        ax.set_ylim(*ylim)
    ax.set_xlabel("evaluations")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))  # no half evaluations
    ax.set_ylabel(ylabel)
    ax.set_title(title)
    ax.legend(loc="lower right", fontsize=8)
    return fig


def plot_tried_points(landscape, points_by_method, title="Where each method looked"):
    """The true score landscape (C x gamma heatmap) with the configurations each method tried.

    Parameters
    ----------
    landscape : hpolab.benchmarks.landscapes.Landscape
    points_by_method : dict of str to list of config dicts
    """
    from .search import plot_landscape

    best = landscape.best()[0]
    fig = plot_landscape(landscape.C, landscape.gamma, landscape.scores, best=(best["C"], best["gamma"]), title=title)
    ax = fig.axes[0]
    markers = ["o", "s", "^", "D"]
    for k, (method, configs) in enumerate(points_by_method.items()):
        C = [c["C"] for c in configs]
        gamma = [c["gamma"] for c in configs]
        ax.scatter(gamma, C, s=28, marker=markers[k % len(markers)], facecolor=METHOD_COLORS.get(method, "white"),
                   edgecolor="black", lw=0.8, zorder=4, label=f"{method} ({len(configs)} trials)")
    ax.legend(loc="lower left", fontsize=8, framealpha=0.9)
    return fig
