"""The arithmetic behind lessons 02 and 03: grid costs, hit probabilities, grid vs random.

Plain functions of numbers and arrays (no plotting, no widgets), so the notebooks,
the widgets and the tests all use the same few lines.
"""

from __future__ import annotations

import math

import numpy as np

__all__ = ["grid_fits", "format_duration", "hit_probability", "trials_needed", "simulate_hit_rate",
           "top_fraction_mask", "grid_lattice_indices", "separable_objective", "grid_vs_random",
           "equal_budget_comparison"]


def _check_int(name: str, value, low: int) -> int:
    if isinstance(value, bool) or int(value) != value or value < low:
        raise ValueError(f"{name} must be a whole number >= {low}, got {value!r}.")
    return int(value)


def grid_fits(n_hyperparameters: int, values_per_axis: int, folds: int = 1) -> int:
    """Number of model fits of a full grid search: ``values_per_axis ** n_hyperparameters * folds``.

    Examples
    --------
    >>> grid_fits(3, 5, folds=5)
    625
    """
    k = _check_int("n_hyperparameters", n_hyperparameters, 0)
    v = _check_int("values_per_axis", values_per_axis, 1)
    return v ** k * _check_int("folds", folds, 1)


def format_duration(seconds: float) -> str:
    """A duration in the largest unit that keeps the number readable (``'3.2 h'``).

    Examples
    --------
    >>> format_duration(90)
    '1.5 min'
    """
    if not seconds >= 0:
        raise ValueError(f"seconds must be >= 0, got {seconds!r}.")
    value, unit = seconds, "s"
    for name, size in (("years", 365.25 * 86400), ("days", 86400), ("h", 3600), ("min", 60)):
        if seconds >= size:
            value, unit = seconds / size, name
            break
    return f"{value:.2g} {unit}" if value < 100 else f"{value:,.0f} {unit}"


def _check_fraction(q) -> float:
    if not 0 < q < 1:
        raise ValueError(f"q is the fraction of good configurations, strictly between 0 and 1; got {q!r}.")
    return float(q)


def hit_probability(n_trials, q: float):
    """Chance that at least one of ``n_trials`` independent random trials lands in the top ``q``.

    ``1 - (1 - q) ** n``: each trial misses with probability ``1 - q``.

    Examples
    --------
    >>> round(hit_probability(60, 0.05), 3)
    0.954
    """
    q = _check_fraction(q)
    probability = 1.0 - (1.0 - q) ** np.asarray(n_trials, dtype=float)
    return float(probability) if probability.ndim == 0 else probability


def trials_needed(q: float, probability: float = 0.95) -> int:
    """Smallest number of random trials that hits the top ``q`` with at least ``probability``.

    Examples
    --------
    >>> trials_needed(0.05, 0.95)
    59
    """
    q = _check_fraction(q)
    if not 0 < probability < 1:
        raise ValueError(f"probability must be strictly between 0 and 1, got {probability!r}.")
    n = max(1, math.ceil(math.log1p(-probability) / math.log1p(-q)))
    while hit_probability(n - 1, q) >= probability and n > 1:  # guard against rounding up too far
        n -= 1
    while hit_probability(n, q) < probability:
        n += 1
    return n


def top_fraction_mask(scores, q: float) -> np.ndarray:
    """Boolean mask of the best ``ceil(q * size)`` entries of ``scores`` (ties broken by position).

    Counting ranks rather than thresholding scores keeps the top set exactly a fraction
    ``q`` (rounded up) even when many configurations share the same accuracy.
    """
    q = _check_fraction(q)
    flat = np.asarray(scores, dtype=float).ravel()
    k = math.ceil(q * flat.size)
    order = np.argsort(-flat, kind="stable")
    mask = np.zeros(flat.size, dtype=bool)
    mask[order[:k]] = True
    return mask.reshape(np.shape(scores))


def simulate_hit_rate(scores, n_trials: int, q: float, n_runs: int = 2000, seed=0) -> float:
    """Fraction of simulated random searches whose trials include a top-``q`` configuration.

    Each run picks ``n_trials`` of the configurations in ``scores`` uniformly at random
    (with replacement, like independent random trials).

    Parameters
    ----------
    scores : array-like
        The score of every configuration of a (precomputed) space.
    n_trials : int
    q : float
    n_runs : int, default 2000
    seed : int or numpy.random.Generator

    Returns
    -------
    float
    """
    n_trials = _check_int("n_trials", n_trials, 1)
    good = top_fraction_mask(scores, q).ravel()
    picks = np.random.default_rng(seed).integers(0, good.size, size=(_check_int("n_runs", n_runs, 1), n_trials))
    return float(good[picks].any(axis=1).mean())


def grid_lattice_indices(n_lattice: int, n: int) -> np.ndarray:
    """Indices of an ``n``-point evenly spaced grid inside an ``n_lattice``-point lattice.

    Raises ValueError unless the grid falls exactly on lattice points.

    Examples
    --------
    >>> grid_lattice_indices(61, 4).tolist()
    [0, 20, 40, 60]
    """
    n = _check_int("n", n, 1)
    if n == 1:
        return np.array([(n_lattice - 1) // 2])
    if (n_lattice - 1) % (n - 1):
        fits = [k for k in range(2, n_lattice + 1) if (n_lattice - 1) % (k - 1) == 0]
        raise ValueError(f"a {n}-point grid does not fall on a {n_lattice}-point lattice; use one of {fits}.")
    return np.arange(0, n_lattice, (n_lattice - 1) // (n - 1))


def separable_objective(x, y, importance: float = 0.1):
    """A toy score ``g(x) + importance * h(y)`` on ``[0, 1]^2`` in which x matters most.

    ``g`` has a narrow peak at x = 0.63 that a 3-point grid (0, 0.5, 1) misses;
    ``h`` a broad one at y = 0.3. With ``importance=0`` only x matters.
    """
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    return np.exp(-((x - 0.63) / 0.12) ** 2) + importance * np.exp(-((y - 0.3) / 0.3) ** 2)


def grid_vs_random(budget: int, importance: float = 0.1, seed=0, n_seeds: int = 200) -> dict:
    """Bergstra & Bengio's comparison: a ``k x k`` grid against ``k*k`` random trials.

    Parameters
    ----------
    budget : int
        Number of trials, a perfect square (4, 9, 16, ...).
    importance : float
        Weight of the second hyperparameter (0: it does not matter at all).
    seed : int
        Seed of the random trials that are shown.
    n_seeds : int
        Random searches used for the average best score.

    Returns
    -------
    dict
        ``grid`` and ``random`` points (arrays of shape (budget, 2)), the number of
        ``distinct_x`` values each tried, their best scores, and ``random_mean_best``,
        the best score of random search averaged over ``n_seeds`` seeds.
    """
    budget = _check_int("budget", budget, 1)
    k = math.isqrt(budget)
    if k * k != budget:
        raise ValueError(f"budget must be a perfect square so the grid is k x k; got {budget}, "
                         f"try {k * k} or {(k + 1) ** 2}.")
    axis = np.linspace(0.0, 1.0, k) if k > 1 else np.array([0.5])
    grid = np.array([(x, y) for x in axis for y in axis])
    rng = np.random.default_rng(seed)
    random = rng.random((budget, 2))
    many = np.random.default_rng(10_000 + int(seed)).random((n_seeds, budget, 2))
    best = {name: float(separable_objective(p[:, 0], p[:, 1], importance).max())
            for name, p in (("grid", grid), ("random", random))}
    return {"budget": budget, "importance": float(importance), "grid": grid, "random": random,
            "distinct_x": {"grid": len(np.unique(grid[:, 0])), "random": len(np.unique(random[:, 0]))},
            "best": best,
            "random_mean_best": float(separable_objective(many[..., 0], many[..., 1], importance)
                                      .max(axis=1).mean())}


def equal_budget_comparison(objective, space, budgets, n_seeds: int = 30, seed: int = 0) -> dict:
    """Best score found by grid, random and Sobol search at each budget, over seeds.

    Grid search uses a ``k x k`` grid for budget ``k*k`` (one run: it has no randomness);
    random and Sobol search run ``max(budgets)`` trials per seed and are read off at
    each budget (both are anytime methods).

    Parameters
    ----------
    objective : callable
        ``objective(config) -> score`` (higher is better); a cheap one, such as a
        :class:`~hpolab.benchmarks.landscapes.Landscape`.
    space : Space
        A two-dimensional space.
    budgets : sequence of int
        Perfect squares.
    n_seeds : int
    seed : int
        Seeds ``seed, seed + 1, ...`` are used.

    Returns
    -------
    dict
        ``budgets`` and, for ``"grid"`` (shape (len(budgets),)) and ``"random"``,
        ``"sobol"`` (shape (n_seeds, len(budgets))), the best score found.
    """
    from .search import GridSearch, RandomSearch

    budgets = [_check_int("budget", b, 1) for b in budgets]
    if any(math.isqrt(b) ** 2 != b for b in budgets):
        raise ValueError(f"budgets must be perfect squares (k x k grids), got {budgets}.")
    grid = [GridSearch(space, n=math.isqrt(b)).run(objective, progress=False).best().score for b in budgets]
    out = {"budgets": np.array(budgets), "grid": np.array(grid)}
    index = np.array(budgets) - 1
    for sampler, name in (("uniform", "random"), ("sobol", "sobol")):
        runs = [RandomSearch(space, sampler=sampler, seed=seed + s).run(objective, n_trials=max(budgets),
                                                                         progress=False).best_so_far()
                for s in range(n_seeds)]
        out[name] = np.array(runs)[:, index]
    return out
