"""Figures for grid and random search (lessons 02 and 03)."""

from __future__ import annotations

import numpy as np
from matplotlib.ticker import FuncFormatter, NullLocator

from ._style import COLORS, METHOD_COLORS, fixed_margins, new_figure

__all__ = ["plot_grid_cost", "plot_landscape", "plot_grid_vs_random", "plot_log_uniform",
           "plot_hit_probability", "plot_equal_budget"]

_DAY, _YEAR = 86400.0, 365.25 * 86400.0


def plot_grid_cost(n_hyperparameters, fits, current: int, seconds_per_fit: float):
    """Number of fits of a full grid against the number of hyperparameters (log scale).

    Parameters
    ----------
    n_hyperparameters, fits : array-like
        One bar per number of hyperparameters.
    current : int
        The bar to highlight.
    seconds_per_fit : float
        Converts fits to time for the reference lines (a minute, an hour, a day, a year).
    """
    fig, ax = new_figure(width=6.4, height=3.6)
    fixed_margins(fig, left=0.11, right=0.98, bottom=0.14, top=0.91)
    ks, fits = np.asarray(n_hyperparameters), np.asarray(fits, dtype=float)
    colors = [METHOD_COLORS["grid"] if k == current else COLORS["grey"] for k in ks]
    ax.bar(ks, fits, color=colors, width=0.7)
    ax.set_yscale("log")
    ax.yaxis.set_minor_locator(NullLocator())  # 90 unlabelled minor ticks cost more to draw than the bars
    ax.set_ylim(0.5, max(fits.max() * 20, 10))
    for label, seconds in (("1 minute", 60), ("1 hour", 3600), ("1 day", _DAY), ("1 year", _YEAR)):
        n = seconds / seconds_per_fit
        if n < ax.get_ylim()[1]:
            ax.axhline(n, color=COLORS["black"], lw=0.8, ls=":")
            ax.text(ks[0] - 0.4, n * 1.15, f"{label} of fits", fontsize=8)
    ax.set_xticks(ks)
    ax.set_xlabel("number of hyperparameters on the grid")
    ax.set_ylabel("model fits (log scale)")
    ax.set_title(f"Grid search cost at {seconds_per_fit * 1e3:.3g} ms per fit")
    return fig


def _log_edges(values):
    """Cell edges around log-spaced centres (geometric midpoints), so cells look even on log axes."""
    logs = np.log(np.asarray(values, dtype=float))
    if len(logs) == 1:
        return np.exp(logs[0] + np.array([-0.5, 0.5]))
    mid = (logs[:-1] + logs[1:]) / 2
    return np.exp(np.concatenate([[2 * logs[0] - mid[0]], mid, [2 * logs[-1] - mid[-1]]]))


def _beside(cax, ax, gap: float = 0.015, width: float = 0.018) -> None:
    """Put the colorbar axes ``cax`` right next to ``ax`` (figure fractions), as tall as ``ax``."""
    pos = ax.get_position()
    cax.set_position((pos.x1 + gap, pos.y0, width, pos.height))


_SUPERSCRIPTS = str.maketrans("-0123456789", "\u207b\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079")


def _power_of_ten(value, _position=None) -> str:
    """Tick label ``10⁻³`` for a power of ten, in plain text (math text is slow to lay out)."""
    exponent = np.log10(value)
    if value <= 0 or abs(exponent - round(exponent)) > 1e-9:
        return ""
    return "10" + str(int(round(exponent))).translate(_SUPERSCRIPTS)


def _heatmap(ax, C, gamma, scores):
    mesh = ax.pcolormesh(_log_edges(gamma), _log_edges(C), scores, cmap="viridis", vmin=0, vmax=1)
    for axis, scale in ((ax.xaxis, ax.set_xscale), (ax.yaxis, ax.set_yscale)):
        scale("log")
        # Minor ticks and math-text labels cost most of the drawing time; plain-text powers are cheap.
        axis.set_minor_locator(NullLocator())
        axis.set_major_formatter(FuncFormatter(_power_of_ten))
    ax.set_xlabel("gamma (RBF kernel width, log scale)")
    ax.set_ylabel("C (regularisation, log scale)")
    return mesh


def _mark(ax, grid=None, grid_best=None, best=None):
    if grid is not None:
        ax.scatter(grid[:, 1], grid[:, 0], s=22, facecolor="white", edgecolor="black", lw=0.8,
                   label=f"grid points ({len(grid)})", zorder=3)
    if grid_best is not None:
        ax.scatter([grid_best[1]], [grid_best[0]], s=160, marker="*", color=METHOD_COLORS["grid"],
                   edgecolor="white", label="best grid point", zorder=4)
    if best is not None:
        ax.scatter([best[1]], [best[0]], s=110, marker="X", color=COLORS["orange"], edgecolor="black",
                   label="best of the dense landscape", zorder=5)


def plot_landscape(C, gamma, scores, grid=None, grid_best=None, best=None, title=None, grid_scores=None):
    """Heatmap of validation accuracy over C (y) and gamma (x), both on log axes.

    Parameters
    ----------
    C, gamma : array-like
        Lattice values (rows of ``scores`` follow C, columns follow gamma).
    scores : 2-D array
    grid : (n, 2) array of (C, gamma), optional
        Grid points to mark, C varying slowest (as ``Space.grid`` lists them).
    grid_best, best : (C, gamma), optional
        The grid's best point and the landscape's best point.
    title : str, optional
    grid_scores : 2-D array, optional
        The scores at the grid points; adds a left panel of what the grid alone sees.
    """
    grid = None if grid is None else np.asarray(grid)
    label = "validation accuracy (3-fold CV)"
    if grid_scores is None:
        fig, (ax, cax) = new_figure(1, 2, width=6.0, height=4.4, width_ratios=[1, 0.05])
        axes = [ax]
    else:
        fig, (*axes, cax) = new_figure(1, 3, width=9.6, height=4.2, width_ratios=[1, 1, 0.045])
        fixed_margins(fig, left=0.075, right=0.95, bottom=0.13, top=0.86, wspace=0.16)
        _beside(cax, axes[1])
        _heatmap(axes[0], np.unique(grid[:, 0]), np.unique(grid[:, 1]), grid_scores)
        _mark(axes[0], grid, grid_best)
        axes[0].set_title("what the grid sees")
        axes[1].set_title("what is really there")
        fig.suptitle(title or "SVC on digits: accuracy over C x gamma")
    mesh = _heatmap(axes[-1], C, gamma, scores)
    fig.colorbar(mesh, cax=cax, label=label)
    _mark(axes[-1], grid, grid_best, best)
    if grid is not None or best is not None:
        axes[-1].legend(loc="lower left", fontsize=8, framealpha=0.9)
    if grid_scores is None:
        axes[0].set_title(title or "SVC on digits: accuracy over C x gamma")
    else:
        axes[1].set_ylabel("")
        axes[1].tick_params(labelleft=False)  # the same C axis as on the left
        for ax in axes:  # the grid's cells stop where the landscape stops
            ax.set_xlim(*_log_edges(gamma)[[0, -1]])
            ax.set_ylim(*_log_edges(C)[[0, -1]])
    return fig


def plot_grid_vs_random(result: dict, objective):
    """Bergstra & Bengio side by side: grid and random trials on a 2-D score, and what x each tried.

    Parameters
    ----------
    result : dict
        From :func:`hpolab.search_math.grid_vs_random`.
    objective : callable
        ``objective(x, y, importance)``, drawn as the background.
    """
    fig, axes = new_figure(width=6.4, height=6.2, mosaic=[["top", "colorbar"], ["bottom", "."]],
                           height_ratios=[2.2, 1], width_ratios=[1, 0.04])
    top, bottom = axes["top"], axes["bottom"]
    fixed_margins(fig, left=0.1, right=0.9, bottom=0.08, top=0.91, hspace=0.28, wspace=0.04)
    _beside(axes["colorbar"], top)
    xs = np.linspace(0, 1, 401)
    X, Y = np.meshgrid(xs, xs[::4])
    # about one value per screen pixel, so plain "nearest" sampling (the fastest) looks smooth
    image = top.imshow(objective(X, Y, result["importance"]), origin="lower", extent=(0, 1, 0, 1),
                       cmap="viridis", aspect="auto", vmin=0, vmax=1 + result["importance"],
                       interpolation="nearest")
    fig.colorbar(image, cax=axes["colorbar"], label="score (higher is better)")
    bottom.plot(xs, objective(xs, 0 * xs - 1e9, 0.0), color=COLORS["black"], lw=1.5,
                label="score along x (the axis that matters)")
    for name, marker in (("grid", "s"), ("random", "o")):
        pts = result[name]
        label = f"{name}: {result['distinct_x'][name]} distinct x values, best {result['best'][name]:.2f}"
        top.scatter(pts[:, 0], pts[:, 1], marker=marker, s=40, color=METHOD_COLORS[name],
                    edgecolor="white", label=label, zorder=3)
        level = -0.12 if name == "grid" else -0.24
        bottom.scatter(pts[:, 0], np.full(len(pts), level), marker="|", s=150, color=METHOD_COLORS[name],
                       label=f"x values {name} tried")
    top.set(xlabel="x (matters)", ylabel="y (matters little)", xlim=(-0.03, 1.03), ylim=(-0.03, 1.03))
    top.set_title(f"{result['budget']} trials: grid vs random (importance of y = {result['importance']:.2f})", pad=20)
    # above the map, where it hides no trial
    top.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=2, fontsize=8, frameon=False,
               borderaxespad=0.2, handletextpad=0.2, columnspacing=1.0)
    bottom.set(xlabel="x", ylabel="score", ylim=(-0.32, 1.1), xlim=(-0.03, 1.03))
    bottom.legend(loc="upper left", fontsize=7, framealpha=0.9)
    return fig


def plot_log_uniform(uniform, log_uniform, low: float, high: float):
    """Histograms on a log axis of samples drawn uniformly and log-uniformly from ``[low, high]``."""
    fig, ax = new_figure(width=6.4, height=3.4)
    bins = np.logspace(np.log10(low), np.log10(high), 4 * int(round(np.log10(high / low))) + 1)
    ax.hist([uniform, log_uniform], bins=bins, color=[COLORS["vermillion"], COLORS["blue"]],
            label=["uniform in [low, high]", "log-uniform (uniform exponent)"])
    ax.set_xscale("log")
    ax.set_xlabel("learning rate (log scale)")
    ax.set_ylabel("number of samples")
    ax.set_title(f"{len(uniform)} samples from [{low:g}, {high:g}]")
    ax.legend()
    return fig


def plot_hit_probability(n_trials, q: float, probability, simulated_n=None, simulated=None,
                         target: float = 0.95, needed: int | None = None):
    """Chance of at least one top-``q`` trial against the number of trials, formula and simulation.

    ``target`` draws a horizontal line; ``needed`` a vertical one at the trials that reach it.
    """
    fig, ax = new_figure(width=6.4, height=3.6)
    ax.plot(n_trials, probability, color=METHOD_COLORS["random"], label=r"formula $1-(1-q)^n$")
    if simulated is not None:
        ax.scatter(simulated_n, simulated, color=COLORS["orange"], edgecolor="black", zorder=3,
                   label="simulated random searches")
    ax.axhline(target, color=COLORS["grey"], ls=":", lw=1, label=f"{target:.0%} chance")
    if needed is not None:
        ax.axvline(needed, color=COLORS["black"], ls="--", lw=1, label=f"n = {needed}")
    ax.set_ylim(0, 1.02)
    ax.set_xlabel("number of random trials n")
    ax.set_ylabel("P(at least one trial in the top q)")
    ax.set_title(f"How many trials to land in the top {q:.0%}?")
    ax.legend(loc="lower right")
    return fig


def plot_equal_budget(comparison: dict, best: float | None = None, ylim=None):
    """Best score found against budget: grid (one run), random and Sobol (median and quartiles over seeds).

    Parameters
    ----------
    comparison : dict
        From :func:`hpolab.search_math.equal_budget_comparison`.
    best : float, optional
        The best score possible, drawn as a dotted line.
    ylim : (low, high), optional
        Zoom in on the score axis (bands that leave it are clipped).
    """
    fig, ax = new_figure(width=6.4, height=3.8)
    b = comparison["budgets"]
    ax.plot(b, comparison["grid"], "s-", color=METHOD_COLORS["grid"], label="grid (k x k)")
    shift = 0.012 * (b.max() - b.min())  # side by side, so the two random methods' bars do not hide each other
    for name, label, marker, dx in (("random", "random", "o", -shift), ("sobol", "Sobol (quasi-random)", "D", shift)):
        runs = comparison[name]
        q25, q50, q75 = np.percentile(runs, [25, 50, 75], axis=0)
        ax.errorbar(b + dx, q50, yerr=[q50 - q25, q75 - q50], fmt=f"{marker}-", ms=5, capsize=3,
                    color=METHOD_COLORS[name], label=f"{label}: median, bars 25-75 % of {len(runs)} seeds")
    if best is not None:
        ax.axhline(best, color=COLORS["black"], ls=":", lw=1, label="best possible")
    if ylim is not None:
        ax.set_ylim(*ylim)
    ax.set_xticks(b)
    ax.set_xlabel("budget (number of trials)")
    ax.set_ylabel("best validation accuracy found")
    ax.set_title("Equal budgets on SVC x digits")
    ax.legend(fontsize=8, loc="lower right")
    return fig
