"""Explorers for lesson 04: what a Gaussian process assumes, and Bayesian optimization step by step.

The pure functions here (:func:`gp_on_grid`, :func:`bo_trace_1d`, :func:`acquisitions_on_grid`)
compute everything the figures show, on the 1-D Forrester function; the explorers only
wire sliders to them.
"""

from __future__ import annotations

import numpy as np

from ..acquisition import expected_improvement, lower_confidence_bound, probability_of_improvement
from ..benchmarks.functions import forrester
from ..gp import GaussianProcess
from ._base import Explorer

__all__ = ["gp_on_grid", "bo_trace_1d", "acquisitions_on_grid", "GPExplorer", "BOStepExplorer",
           "AcquisitionExplorer", "OBSERVED_X"]

#: Where the fixed examples have observed the Forrester function (unit interval).
OBSERVED_X = np.array([0.05, 0.3, 0.52, 0.65, 0.95])
GRID = np.linspace(0.0, 1.0, 301)
#: Prior standard deviation of the Forrester function in the GP explorer (its values span about -6 ... 16).
SIGNAL_SD = 5.0


def gp_on_grid(x_observed, y_observed, kernel="matern52", lengthscale=0.15, noise=1e-6, n_samples=3,
               signal_sd=None, grid=GRID, seed=0):
    """GP posterior (or prior, with no observations) on a 1-D grid of the unit interval.

    Parameters
    ----------
    x_observed, y_observed : array-like
        Observations; may be empty.
    kernel, lengthscale, noise :
        Fixed GP hyperparameters.
    n_samples : int
        Functions drawn from the posterior.
    signal_sd : float, optional
        Prior standard deviation of f, in y's units (prior mean 0). None standardises the
        observations and uses signal variance 1 (what :class:`~hpolab.BayesianOptimization` does).

    Returns
    -------
    dict with ``x``, ``mean``, ``sd``, ``samples`` (n_samples x len(x)), ``x_observed``, ``y_observed``.
    """
    x_observed = np.asarray(x_observed, float).ravel()
    y_observed = np.asarray(y_observed, float).ravel()
    gp = GaussianProcess(kernel, lengthscale=lengthscale, variance=1.0 if signal_sd is None else signal_sd ** 2,
                         noise=noise, normalize=signal_sd is None).fit(x_observed[:, None], y_observed)
    mean, sd = gp.predict(grid[:, None])
    samples = gp.sample(grid[:, None], n_samples, seed=seed, prior=len(y_observed) == 0)
    return {"x": grid, "mean": mean, "sd": sd, "samples": samples, "x_observed": x_observed,
            "y_observed": y_observed, "kernel": kernel, "lengthscale": lengthscale, "noise": noise}


def bo_trace_1d(n_steps=8, acquisition="ei", lengthscale=0.15, noise=1e-6, xi=0.0, kappa=2.0, n_initial=3,
                seed=0, grid=GRID):
    """Run Bayesian optimization on the Forrester function and keep what it saw at every step.

    The GP's hyperparameters are fixed (``lengthscale``, ``noise``) so their effect can be studied.

    Returns
    -------
    list of dict
        One per model-based step: ``x_observed``, ``y_observed`` (before the step), the posterior
        ``mean`` and ``sd`` on ``x``, the ``acquisition`` on ``x`` (larger is better) and ``next_x``.
    """
    from ..search import BayesianOptimization

    f = forrester()
    gp = GaussianProcess("matern52", lengthscale=lengthscale, variance=1.0, noise=noise)
    search = BayesianOptimization(f.space, acquisition=acquisition, n_initial=n_initial, xi=xi, kappa=kappa,
                                  gp=gp, n_candidates=512, n_polish=0, direction="minimize", seed=seed)
    steps = []
    while len(steps) < n_steps:
        trial = search.ask()
        if trial.info.get("phase") == "model":
            mean, sd = search.model.predict(grid[:, None])
            steps.append({"x": grid, "truth": f.values(grid[:, None]), "mean": mean, "sd": sd,
                          "acquisition": search.score_candidates(grid[:, None]), "acquisition_name": acquisition,
                          "x_observed": np.array([t.config["x1"] for t in search.history]),
                          "y_observed": np.array([t.score for t in search.history]),
                          "next_x": trial.config["x1"], "step": len(steps) + 1, "f_star": f.f_star})
        search.tell(trial, f(trial.config))
    return steps


def acquisitions_on_grid(xi=0.0, kappa=2.0, lengthscale=0.15, x_observed=OBSERVED_X, grid=GRID):
    """EI, PI and the confidence bound for one fixed GP posterior of the Forrester function.

    All three in minimisation form; ``choice`` holds the point each would evaluate next.
    """
    f = forrester()
    y_observed = f.values(np.asarray(x_observed)[:, None])
    post = gp_on_grid(x_observed, y_observed, lengthscale=lengthscale, n_samples=0, grid=grid)
    mean, sd, best = post["mean"], post["sd"], y_observed.min()
    scale = y_observed.std()  # xi is given in units of the scores' spread, as in BayesianOptimization
    values = {"EI": expected_improvement(mean, sd, best, xi * scale),
              "PI": probability_of_improvement(mean, sd, best, xi * scale),
              "UCB": lower_confidence_bound(mean, sd, kappa)}
    choice = {"EI": grid[np.argmax(values["EI"])], "PI": grid[np.argmax(values["PI"])],
              "UCB": grid[np.argmin(values["UCB"])]}
    return {**post, "truth": f.values(grid[:, None]), "values": values, "choice": choice, "best": best,
            "xi": xi, "kappa": kappa}


def _controls_gp():
    import ipywidgets as w

    # round values a learner can compare; log-spaced like the length-scale's effect
    return {"lengthscale": w.SelectionSlider(options=[0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.5, 1.0], value=0.15,
                                             description="length-scale"),
            "noise": w.FloatLogSlider(value=1e-6, base=10, min=-6, max=1, step=0.5, description="noise",
                                      readout_format=".0e")}


class GPExplorer(Explorer):
    """A GP's prior and posterior on the Forrester function: kernel, length-scale, noise, data."""

    title = "What a Gaussian process assumes"

    def controls(self):
        import ipywidgets as w

        return {"n_observed": w.IntSlider(value=0, min=0, max=len(OBSERVED_X), description="observations"),
                "kernel": w.Dropdown(options=["matern52", "rbf"], value="matern52", description="kernel"),
                **_controls_gp()}

    def compute(self, n_observed, kernel, lengthscale, noise):
        x = OBSERVED_X[:n_observed]
        return gp_on_grid(x, forrester().values(x[:, None]), kernel, lengthscale, noise, signal_sd=SIGNAL_SD)

    def draw(self, result):
        from ..plots.bayes import plot_gp

        which = "posterior" if len(result["x_observed"]) else "prior"
        return plot_gp(result, truth=forrester().values(result["x"][:, None]),
                       title=f"GP {which}: {result['kernel']} kernel, "
                             f"length-scale {result['lengthscale']:.3g}")

    def describe(self, result):
        return (f"Average posterior sd: {result['sd'].mean():.2f}. Short length-scales let the function wiggle; "
                "noise lets it miss the observations.")


class BOStepExplorer(Explorer):
    """Bayesian optimization on the Forrester function, one evaluation at a time."""

    title = "Bayesian optimization, step by step"

    def __init__(self, **initial):
        self._cache = {}
        super().__init__(**initial)

    def controls(self):
        import ipywidgets as w

        return {"step": w.IntSlider(value=1, min=1, max=10, description="step"),
                "acquisition": w.Dropdown(options=[("EI", "ei"), ("PI", "pi"), ("UCB", "ucb")], value="ei",
                                          description="acquisition"),
                "xi": w.FloatSlider(value=0.0, min=0.0, max=1.0, step=0.05, description="xi (EI, PI)"),
                "kappa": w.FloatSlider(value=2.0, min=0.0, max=5.0, step=0.25, description="kappa (UCB)"),
                **_controls_gp()}

    def compute(self, step, acquisition, xi, kappa, lengthscale, noise):
        key = (acquisition, xi, kappa, lengthscale, noise)
        if key not in self._cache:  # the run is recomputed live when a setting changes
            self._cache = {key: bo_trace_1d(10, acquisition, lengthscale, noise, xi, kappa)}
        return self._cache[key][step - 1]

    def draw(self, result):
        from ..plots.bayes import plot_bo_step

        return plot_bo_step(result)

    def describe(self, result):
        best = result["y_observed"].min()
        return (f"Step {result['step']}: {len(result['y_observed'])} evaluations so far, best "
                f"{best:.3f} (the minimum is {result['f_star']:.3f}); next x = {result['next_x']:.3f}.")


class AcquisitionExplorer(Explorer):
    """EI, PI and the confidence bound side by side for one GP posterior."""

    title = "Exploration vs exploitation: EI, PI and UCB"

    def controls(self):
        import ipywidgets as w

        return {"xi": w.FloatSlider(value=0.0, min=0.0, max=1.0, step=0.05, description="xi (EI, PI)"),
                "kappa": w.FloatSlider(value=2.0, min=0.0, max=5.0, step=0.25, description="kappa (UCB)"),
                "lengthscale": _controls_gp()["lengthscale"]}

    def compute(self, xi, kappa, lengthscale):
        return acquisitions_on_grid(xi, kappa, lengthscale)

    def draw(self, result):
        from ..plots.bayes import plot_acquisitions

        return plot_acquisitions(result)

    def describe(self, result):
        picks = ", ".join(f"{name} x = {x:.2f}" for name, x in result["choice"].items())
        return f"Next point: {picks}."
