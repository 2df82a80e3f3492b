"""Bayesian optimization: a Gaussian process learns the score landscape; an acquisition picks the next trial.

Each ``ask()``:

1. The first ``n_initial`` trials come from a scrambled Sobol design (spread-out points).
2. After that, a :class:`~hpolab.gp.GaussianProcess` is fitted to every successful trial
   (configurations in unit-cube coordinates, :meth:`hpolab.Space.to_unit`; scores made
   "smaller is better" by flipping their sign when maximising).
3. The acquisition (expected improvement by default) is evaluated on a dense Sobol set
   of candidates plus points near the best trials, and the most promising candidates are
   polished with L-BFGS-B. The best one becomes the next trial.

Choices worth knowing:

* **Integer and categorical dimensions.** A candidate is snapped to the configuration it
  stands for before the acquisition sees it (``to_unit(from_unit(u))``), so the GP and the
  acquisition only ever look at points that can be evaluated. A categorical dimension
  is one ordinal coordinate (choice ``i`` of ``k`` at ``(i + 0.5) / k``): simple, and fine
  for a few choices; with many unordered choices one-hot coordinates would be better.
  L-BFGS-B polishes only the float dimensions.
* **Repeats.** A candidate whose configuration was already tried (or is pending) is skipped
  in favour of the next best one, so rounding never sends the search back to a known point.
* **Failed trials** are left out of the model (they carry no score); their configurations
  still count as tried, so they are not proposed again.
* **Pending trials** (asked, not yet told) enter the model with a made-up score equal to
  the best score so far ("constant liar"): the acquisition near them drops, so asking
  again before telling gives a different point, as parallel workers need.
"""

from __future__ import annotations

import numpy as np
from scipy import optimize

from ..acquisition import ACQUISITIONS, acquisition_score
from ..gp import GaussianProcess, single_threaded
from ..space import Categorical, Float, Int, Space
from .base import Search

__all__ = ["BayesianOptimization"]


class BayesianOptimization(Search):
    """Gaussian-process Bayesian optimization.

    Parameters
    ----------
    space : Space
    acquisition : {"ei", "pi", "ucb"}, default "ei"
        Expected improvement, probability of improvement or (lower/upper) confidence bound.
    n_initial : int, optional
        Trials from the initial Sobol design before the GP takes over; default ``2 * d + 1``
        (at least 5) for ``d`` dimensions.
    initial_design : {"sobol", "random"}, default "sobol"
    xi : float, default 0.0
        Improvement margin of EI and PI, in standard deviations of the observed scores.
    kappa : float, default 2.0
        Weight of the uncertainty in UCB.
    gp : GaussianProcess, optional
        The surrogate model; default a Matern-5/2 GP with fitted hyperparameters. Pass one
        with fixed ``lengthscale``, ``variance``, ``noise`` to study their effect.
    n_candidates : int, default 1024
        Sobol candidates scored per proposal (plus as many near the best trials).
    n_polish : int, default 4
        Best candidates polished with L-BFGS-B.
    direction : {"maximize", "minimize"}, default "maximize"
    seed : int, numpy.random.Generator or None

    Attributes
    ----------
    model : GaussianProcess or None
        The GP fitted for the latest proposal (in "smaller is better" units).

    Examples
    --------
    >>> from hpolab import Space, Float
    >>> search = BayesianOptimization(Space(x=Float(-2, 2)), direction="minimize", seed=0)
    >>> history = search.run(lambda c: (c["x"] - 1) ** 2, n_trials=12, progress=False)
    >>> round(history.best().config["x"], 2)
    1.0
    """

    def __init__(self, space: Space, acquisition: str = "ei", n_initial: int | None = None,
                 initial_design: str = "sobol", xi: float = 0.0, kappa: float = 2.0,
                 gp: GaussianProcess | None = None, n_candidates: int = 1024, n_polish: int = 4,
                 direction: str = "maximize", seed=None):
        super().__init__(space, direction=direction, seed=seed)
        if acquisition not in ACQUISITIONS:
            raise ValueError(f"acquisition must be one of {ACQUISITIONS}, got {acquisition!r}.")
        if initial_design not in ("sobol", "random"):
            raise ValueError(f"initial_design must be 'sobol' or 'random', got {initial_design!r}.")
        d = len(space)
        self.n_initial = max(5, 2 * d + 1) if n_initial is None else int(n_initial)
        if self.n_initial < 1:
            raise ValueError(f"n_initial must be at least 1, got {n_initial!r}.")
        if xi < 0 or kappa < 0:
            raise ValueError(f"xi and kappa must be >= 0, got xi={xi!r}, kappa={kappa!r}.")
        self.acquisition, self.initial_design, self.xi, self.kappa = acquisition, initial_design, xi, kappa
        self.n_candidates, self.n_polish = int(n_candidates), int(n_polish)
        self.model = gp if gp is not None else GaussianProcess("matern52", n_restarts=1, seed=self.rng)
        self._initial = self._design(self.n_initial, initial_design)
        self._continuous = np.array([isinstance(dim, Float) for dim in space.dimensions.values()])

    # -- helpers ------------------------------------------------------------------------
    def _design(self, n: int, kind: str = "sobol") -> np.ndarray:
        """``n`` points of the unit cube: scrambled Sobol (first n of a power-of-two block) or uniform."""
        d = len(self.space)
        if kind == "random":
            return self.rng.random((n, d))
        from scipy.stats import qmc

        return qmc.Sobol(d, scramble=True, seed=self.rng).random_base2(max(int(np.ceil(np.log2(max(n, 2)))), 1))[:n]

    def _snap(self, U: np.ndarray) -> np.ndarray:
        """Move each point to the unit coordinates of the configuration it maps to."""
        U = np.clip(U, 0.0, 1.0)
        for j, dim in enumerate(self.space.dimensions.values()):
            if isinstance(dim, Categorical):  # choice i of k owns [i/k, (i+1)/k) and sits at its middle
                k = len(dim.choices)
                U[:, j] = (np.minimum(np.floor(U[:, j] * k), k - 1) + 0.5) / k
            elif isinstance(dim, Int):  # vectorised Int.to_unit(Int.from_unit(u))
                lo, hi = dim._edges()
                values = np.clip(np.round(dim._unwarp(lo + U[:, j] * (hi - lo))), dim.low, dim.high)
                U[:, j] = np.clip((dim._warp(values) - lo) / (hi - lo), 0.0, 1.0)
        return U

    def _key(self, config) -> tuple:
        return tuple(repr(config[name]) for name in self.space.names)

    def _tried(self) -> set:
        trials = list(self.history) + list(self.pending.values())
        return {self._key(t.config) for t in trials}

    def _fresh(self, U, tried):
        """The first row of U whose configuration has not been tried, as a config (or None)."""
        for u in U:
            config = self.space.from_unit(u)
            if self._key(config) not in tried:
                return config
        return None

    def _training_data(self):
        sign = -1.0 if self.direction == "maximize" else 1.0
        ok = self.history.ok
        X = np.array([self.space.to_unit(t.config) for t in ok]).reshape(len(ok), len(self.space))
        y = sign * np.array([t.score for t in ok])
        if self.pending and len(y):  # constant liar: pending trials "score" the best value so far
            X_pending = np.array([self.space.to_unit(t.config) for t in self.pending.values()])
            X, y = np.vstack([X, X_pending]), np.r_[y, np.full(len(X_pending), y.min())]
        return X, y, len(ok)

    # -- the method -------------------------------------------------------------------------
    def _propose(self):
        tried = self._tried()
        if self._n_asked < self.n_initial:
            config = self._fresh(self._snap(self._initial[self._n_asked:].copy()), tried)
            if config is not None:
                return config, None, {"phase": "initial"}
        X, y, n_ok = self._training_data()
        if n_ok < 2:
            # Too little to learn from (e.g. failures in the initial design): keep exploring.
            config = self._fresh(self._snap(self.rng.random((64, len(self.space)))), tried)
            return (config if config is not None else self.space.sample(seed=self.rng)), None, {"phase": "random"}
        with single_threaded():
            return self._propose_with_model(X, y, n_ok, tried)

    def _propose_with_model(self, X, y, n_ok, tried):
        model = self.model.fit(X, y)
        # the incumbent, in the model's standardised units
        self._best = float(model.predict(X[:n_ok], return_std=False, standardized=True).min())
        score = self.score_candidates

        U = self._snap(np.vstack([self._design(self.n_candidates), self._near_best(X[:n_ok], y[:n_ok])]))
        values = score(U)
        order = np.argsort(-values)
        P = self._snap(np.array([self._polish(score, U[i]) for i in order[:self.n_polish]]).reshape(-1, U.shape[1]))
        U, values = np.vstack([P, U[order]]), np.r_[score(P), values[order]]
        order = np.argsort(-values, kind="stable")
        config = self._fresh(U[order], tried)
        if config is None:  # every candidate was tried already (a small discrete space)
            config = self._fresh(self._snap(self.rng.random((256, len(self.space)))), tried) \
                or self.space.sample(seed=self.rng)
        return config, None, {"phase": "model", "acquisition": float(values[order[0]])}

    def score_candidates(self, U) -> np.ndarray:
        """The acquisition (larger is better) at unit-cube points ``U``, from the latest model.

        Valid after a proposal made with the model (``trial.info["phase"] == "model"``).
        """
        mean, sd = self.model.predict(np.atleast_2d(U), standardized=True)
        return acquisition_score(self.acquisition, mean, sd, self._best, self.xi, self.kappa)

    def _near_best(self, X, y, k: int = 5):
        """Candidates scattered around the best trials, at two scales (the optimum is often near them)."""
        best = X[np.argsort(y)[:k]]
        n = max(self.n_candidates // (2 * len(best)), 1)
        scales = np.r_[np.full(n // 2, 0.1), np.full(n - n // 2, 0.01)][:, None]
        return np.vstack([b + scales * self.rng.standard_normal((n, X.shape[1])) for b in best])

    def _polish(self, score, u0):
        """Local maximisation of the acquisition from ``u0`` with L-BFGS-B over the float dimensions."""
        free = self._continuous
        if not free.any():
            return u0
        bounds = [(0.0, 1.0) if f else (u, u) for f, u in zip(free, u0)]
        eps = 1e-7

        def negative(u):
            # the value and a forward-difference gradient from one batched prediction
            points = np.vstack([u, u + eps * np.eye(len(u))[free]])
            values = score(points)
            grad = np.zeros(len(u))
            grad[free] = (values[1:] - values[0]) / eps
            return -values[0], -grad

        result = optimize.minimize(negative, u0, jac=True, method="L-BFGS-B", bounds=bounds,
                                   options={"maxiter": 50})
        return np.clip(result.x, 0.0, 1.0)
