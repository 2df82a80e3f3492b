"""Explorers for grid and random search (lessons 02 and 03)."""

from __future__ import annotations

import numpy as np

from .. import search_math
from ._base import Explorer

__all__ = ["GridCostExplorer", "GridResolutionExplorer", "GridVsRandomExplorer", "HowManyTrialsExplorer"]


class GridCostExplorer(Explorer):
    """The cost explosion: hyperparameters and values per axis -> number of fits and time.

    Parameters
    ----------
    seconds_per_fit : float, default 0.05
        Measured time of one fit; turns fits into an estimated time.
    **initial
        Starting values of the controls.
    """

    title = "Grid search cost: every combination, times every fold"

    def __init__(self, seconds_per_fit: float = 0.05, **initial):
        if not seconds_per_fit > 0:
            raise ValueError(f"seconds_per_fit must be > 0, got {seconds_per_fit!r}; measure one fit first.")
        self.seconds_per_fit = float(seconds_per_fit)
        super().__init__(**initial)

    def controls(self):
        import ipywidgets as w

        return {"n_hyperparameters": w.IntSlider(2, min=1, max=8, description="hyperparameters"),
                "values_per_axis": w.IntSlider(5, min=2, max=10, description="values / axis"),
                "folds": w.IntSlider(5, min=1, max=10, description="CV folds")}

    def compute(self, n_hyperparameters, values_per_axis, folds):
        ks = np.arange(1, 9)
        fits = np.array([search_math.grid_fits(k, values_per_axis, folds) for k in ks])
        n_fits = search_math.grid_fits(n_hyperparameters, values_per_axis, folds)
        return {"n_hyperparameters": n_hyperparameters, "values_per_axis": values_per_axis, "folds": folds,
                "ks": ks, "fits": fits, "n_fits": n_fits, "seconds": n_fits * self.seconds_per_fit}

    def draw(self, result):
        from ..plots import plot_grid_cost

        return plot_grid_cost(result["ks"], result["fits"], result["n_hyperparameters"], self.seconds_per_fit)

    def describe(self, result):
        r = result
        return (f"{r['values_per_axis']}<sup>{r['n_hyperparameters']}</sup> configurations x {r['folds']} "
                f"folds = <b>{r['n_fits']:,} fits</b> &asymp; <b>{search_math.format_duration(r['seconds'])}</b> "
                f"at {self.seconds_per_fit * 1e3:.3g} ms per fit.")


class GridResolutionExplorer(Explorer):
    """A grid of n x n points on the precomputed SVC landscape: what it finds, what it misses."""

    title = "Grid resolution on the SVC x digits landscape"

    def controls(self):
        import ipywidgets as w

        return {"n_per_axis": w.SelectionSlider(options=[2, 3, 4, 5, 6, 7, 11, 13, 16, 21, 31], value=4,
                                                description="values / axis")}

    def compute(self, n_per_axis):
        from ..benchmarks.landscapes import load_svc_landscape

        land = load_svc_landscape()
        rows = search_math.grid_lattice_indices(len(land.C), n_per_axis)
        cols = search_math.grid_lattice_indices(len(land.gamma), n_per_axis)
        block = land.scores[np.ix_(rows, cols)]
        i, j = np.unravel_index(int(np.argmax(block)), block.shape)  # first on ties, like GridSearch
        best_config, best_score = land.best()
        grid_score = float(block[i, j])
        return {"n_per_axis": n_per_axis, "C": land.C, "gamma": land.gamma, "scores": land.scores,
                "grid": np.array([(land.C[r], land.gamma[c]) for r in rows for c in cols]),
                "grid_best": (float(land.C[rows[i]]), float(land.gamma[cols[j]])), "grid_score": grid_score,
                "grid_scores": block,
                "best": (best_config["C"], best_config["gamma"]), "best_score": best_score,
                "fraction_better": float(np.mean(land.scores > grid_score))}

    def draw(self, result):
        from ..plots import plot_landscape

        n = result["n_per_axis"]
        return plot_landscape(result["C"], result["gamma"], result["scores"], grid=result["grid"],
                              grid_best=result["grid_best"], best=result["best"], grid_scores=result["grid_scores"],
                              title=f"A {n} x {n} grid on the SVC x digits landscape")

    def describe(self, result):
        r = result
        return (f"{len(r['grid'])} fits. Best grid point: accuracy <b>{r['grid_score']:.3f}</b> "
                f"(C={r['grid_best'][0]:.3g}, gamma={r['grid_best'][1]:.3g}); best of the landscape: "
                f"<b>{r['best_score']:.3f}</b>. {r['fraction_better']:.1%} of the landscape beats the grid.")


class GridVsRandomExplorer(Explorer):
    """Bergstra & Bengio: at equal budget, random trials try more distinct values of the axis that matters."""

    title = "Grid vs random when only one hyperparameter matters"

    def controls(self):
        import ipywidgets as w

        return {"budget": w.SelectionSlider(options=[4, 9, 16, 25, 36, 49], value=9, description="trials"),
                "importance": w.FloatSlider(0.1, min=0.0, max=1.0, step=0.05, description="importance of y"),
                "seed": w.IntSlider(0, min=0, max=20, description="seed")}

    def compute(self, budget, importance, seed):
        return search_math.grid_vs_random(budget, importance, seed=seed)

    def draw(self, result):
        from ..plots import plot_grid_vs_random

        return plot_grid_vs_random(result, search_math.separable_objective)

    def describe(self, result):
        r = result
        return (f"Grid: {r['distinct_x']['grid']} distinct x, best {r['best']['grid']:.3f}. "
                f"Random (this seed): {r['distinct_x']['random']} distinct x, best {r['best']['random']:.3f}; "
                f"averaged over 200 seeds: <b>{r['random_mean_best']:.3f}</b>.")


class HowManyTrialsExplorer(Explorer):
    """The chance that n random trials include one from the top q, and the n that reaches a target."""

    title = "How many random trials?"

    def controls(self):
        import ipywidgets as w

        return {"q": w.SelectionSlider(options=[0.01, 0.02, 0.05, 0.1, 0.2], value=0.05, description="top q"),
                "target": w.SelectionSlider(options=[0.5, 0.8, 0.9, 0.95, 0.99], value=0.95,
                                            description="target chance")}

    def compute(self, q, target):
        needed = search_math.trials_needed(q, target)
        n = np.arange(1, max(3 * needed, 30) + 1)
        return {"q": q, "target": target, "n": n, "probability": search_math.hit_probability(n, q),
                "needed": needed}

    def draw(self, result):
        from ..plots import plot_hit_probability

        return plot_hit_probability(result["n"], result["q"], result["probability"], target=result["target"],
                                    needed=result["needed"])

    def describe(self, result):
        return (f"<b>{result['needed']}</b> random trials reach a {result['target']:.0%} chance of at least one "
                f"configuration in the top {result['q']:.0%}, however many hyperparameters there are.")
