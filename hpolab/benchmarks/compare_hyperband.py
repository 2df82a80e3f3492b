"""Random search, successive halving, Hyperband (and BO) on the tabular MLP benchmark, over many seeds.

``python -m hpolab.benchmarks hyperband [--seeds 20] [--tolerance 0.005]`` prints, per method,
the cumulative epochs it needs until some evaluation comes within ``tolerance`` (absolute
accuracy) of the best configuration in the table: the median over seeds, the quartiles,
and how many seeds got there within the budget cap (100 full trainings, 8100 epochs; BO stops
after 60 trials). Epochs are counted as training would
spend them: a promoted configuration continues from its checkpoint and costs only its extra
epochs; random search and BO train every configuration for the full ``R`` epochs.
"""

from __future__ import annotations

import argparse
import importlib.util

import numpy as np

from ..search import Hyperband, RandomSearch, SearchExhausted, SuccessiveHalving
from .tabular import TabularBenchmark

__all__ = ["METHODS", "make_search", "run_until", "epochs_to_target", "compare", "anytime_curves", "main"]

METHODS = ["random", "successive halving", "hyperband"] + \
    (["bayes"] if importlib.util.find_spec("hpolab.search.bayes") else [])


def make_search(method: str, space, max_budget: int, eta: int = 3, seed: int = 0):
    """A fresh search of one of :data:`METHODS`; the multi-fidelity ones repeat their brackets."""
    if method == "random":
        return RandomSearch(space, seed=seed)
    if method == "successive halving":
        return SuccessiveHalving(space, 1, max_budget, eta, n_iterations=None, seed=seed)
    if method == "hyperband":
        return Hyperband(space, max_budget, eta, n_iterations=None, seed=seed)
    if method == "bayes":
        from ..search.bayes import BayesianOptimization

        return BayesianOptimization(space, n_candidates=256, seed=seed)
    raise ValueError(f"unknown method {method!r}; choose from {METHODS}.")


def run_until(search, objective, max_budget: int, total_budget: float, max_trials: int | None = None):
    """Ask/tell until ``total_budget`` epochs are spent (or the search is done).

    Trials without a budget (random search, BO) are trained for ``max_budget``.

    Returns the search's History; ``trial.info["budget_spent"]`` holds each trial's real cost.
    """
    spent = 0.0
    while spent < total_budget and (max_trials is None or len(search.history) < max_trials):
        try:
            trial = search.ask()
        except SearchExhausted:
            break
        if trial.budget is None:
            trial.budget = max_budget
        score = objective(trial.config, trial.budget)
        trial.info["budget_spent"] = objective.last_budget_spent
        spent += objective.last_budget_spent
        search.tell(trial, score)
    return search.history


def epochs_to_target(history, target: float) -> float:
    """Cumulative budget when a score first reaches ``target`` (inf if it never does)."""
    reached = np.flatnonzero(history.scores() >= target)
    return float(history.cumulative_budget()[reached[0]]) if reached.size else float("inf")


def compare(benchmark: TabularBenchmark | None = None, methods=None, n_seeds: int = 20, tolerance: float = 0.005,
            total_budget: float | None = None, eta: int = 3, max_bo_trials: int = 60) -> dict:
    """Run every method for every seed; return histories and epochs-to-target.

    Returns
    -------
    dict
        ``{"target": float, "histories": {method: [History, ...]},
        "epochs": {method: ndarray of epochs to target per seed}}``
    """
    benchmark = benchmark or TabularBenchmark()
    R = benchmark.max_epochs
    total_budget = total_budget or 100 * R
    target = benchmark.best_score() - tolerance
    out = {"target": target, "histories": {}, "epochs": {}}
    for method in methods or METHODS:
        cap = max_bo_trials if method == "bayes" else None
        histories = [run_until(make_search(method, benchmark.space, R, eta, seed), benchmark.objective(), R,
                               total_budget, cap) for seed in range(n_seeds)]
        out["histories"][method] = histories
        out["epochs"][method] = np.array([epochs_to_target(h, target) for h in histories])
    return out


def anytime_curves(histories, grid) -> np.ndarray:
    """Best score so far at each cumulative budget of ``grid``, one row per history (NaN before the first)."""
    rows = []
    for h in histories:
        spent, best = h.cumulative_budget(), h.best_so_far()
        where = np.searchsorted(spent, grid, side="right") - 1
        row = np.where(where >= 0, best[np.clip(where, 0, None)], np.nan)
        row[grid > spent[-1]] = np.nan  # not run that far
        rows.append(row)
    return np.array(rows)


def summary_rows(result: dict) -> list[dict]:
    """Per method: median and quartiles of epochs to target, seeds reached, ratio to random search."""
    rows, random_median = [], None
    for method, epochs in result["epochs"].items():
        big = np.where(np.isfinite(epochs), epochs, 1e300)  # "never" sorts last (inf would give NaN)
        q1, median, q3 = [float("inf") if q >= 1e299 else q for q in np.percentile(big, [25, 50, 75])]
        random_median = median if method == "random" else random_median
        rows.append({"method": method, "median": median, "q1": q1, "q3": q3,
                     "reached": int(np.isfinite(epochs).sum()), "seeds": len(epochs)})
    for row in rows:
        finite = random_median is not None and np.isfinite(random_median) and np.isfinite(row["median"])
        row["vs_random"] = row["median"] / random_median if finite else np.nan
    return rows


def format_table(rows: list[dict]) -> str:
    """The summary as a text table ("never": not reached within the budget cap)."""
    def number(x):
        return f"{x:.0f}" if np.isfinite(x) else "never"

    lines = [f"{'method':<20}{'median epochs':>14}{'25-75 %':>16}{'reached':>9}{'x random':>10}"]
    for r in rows:
        ratio = f"{r['vs_random']:.2f}" if np.isfinite(r["vs_random"]) else "-"
        lines.append(f"{r['method']:<20}{number(r['median']):>14}{number(r['q1']) + '-' + number(r['q3']):>16}"
                     f"{r['reached']:>5}/{r['seeds']:<3}{ratio:>10}")
    return "\n".join(lines)


def main(argv=None) -> int:
    """Print the table of epochs each method needs to come within tolerance of the table's best."""
    parser = argparse.ArgumentParser(prog="python -m hpolab.benchmarks hyperband", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seeds", type=int, default=20)
    parser.add_argument("--tolerance", type=float, default=0.005, help="absolute accuracy, 0.005 = 0.5 %%")
    parser.add_argument("--eta", type=int, default=3)
    parser.add_argument("--methods", nargs="+", default=None, help=f"any of {METHODS}")
    args = parser.parse_args(argv)
    benchmark = TabularBenchmark()
    result = compare(benchmark, args.methods, args.seeds, args.tolerance, eta=args.eta)
    print(f"Tabular MLP benchmark on digits: {len(benchmark.configs)} configurations, R = {benchmark.max_epochs} "
          f"epochs, eta = {args.eta}, {args.seeds} seeds, at most {100 * benchmark.max_epochs} epochs per run.")
    print(f"Target: validation accuracy >= {result['target']:.4f} (best in table "
          f"{benchmark.best_score():.4f} minus {args.tolerance}). Epochs to reach it:")
    print(format_table(summary_rows(result)))
    return 0
