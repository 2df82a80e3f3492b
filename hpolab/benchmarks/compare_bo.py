"""Random search, Sobol and Bayesian optimization side by side on classic test functions.

``python -m hpolab.benchmarks bo [--seeds 10] [--evals 50] [--problems branin,hartmann3]``

Prints, per problem and method, the median and quartiles of simple regret (best value
found minus the known minimum) after 10, 20, 30 and 50 evaluations over the seeds, and
the mean time per suggestion. scikit-optimize's ``gp_minimize`` and Optuna's TPE join the
table when they are installed (hpolab does not need them). A second table times one
Bayesian-optimization suggestion with 50 observations in 6 dimensions (Hartmann6).

Times are wall-clock and CPU seconds of the search itself; on a busy machine the wall
clock is inflated by other work, the CPU time much less so.
"""

from __future__ import annotations

import argparse
import time
import warnings

import numpy as np

from .functions import TestFunction, get_function

__all__ = ["run_method", "regret_curves", "main"]


def _hpolab_search(name: str, f: TestFunction, seed: int):
    from ..search import BayesianOptimization, RandomSearch

    if name == "bo":
        return BayesianOptimization(f.space, direction="minimize", seed=seed)
    return RandomSearch(f.space, sampler="sobol" if name == "sobol" else "uniform", direction="minimize",
                        seed=seed)


def run_method(name: str, f: TestFunction, n_evals: int, seed: int):
    """Run one method once.

    Parameters
    ----------
    name : {"random", "sobol", "bo", "skopt", "optuna"}
    f : TestFunction
    n_evals : int
    seed : int

    Returns
    -------
    values : ndarray of shape (n_evals,)
        Objective value of each evaluation, in order.
    wall, cpu : float
        Mean seconds per suggestion (the method's own time, objective excluded).
    """
    values, spent = [], [0.0, 0.0]

    def objective(x):
        values.append(f.values([x])[0])
        return float(values[-1])

    t_wall, t_cpu = time.perf_counter(), time.process_time()
    if name in ("random", "sobol", "bo"):
        search = _hpolab_search(name, f, seed)
        search.run(lambda config: objective([config[k] for k in f.space.names]), n_trials=n_evals, progress=False)
    elif name == "skopt":
        from skopt import gp_minimize

        bounds = [(d.low, d.high) for d in f.space.dimensions.values()]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            gp_minimize(objective, bounds, n_calls=n_evals, random_state=seed)
    elif name == "optuna":
        import optuna

        optuna.logging.set_verbosity(optuna.logging.WARNING)
        study = optuna.create_study(sampler=optuna.samplers.TPESampler(seed=seed))
        study.optimize(lambda trial: objective([trial.suggest_float(k, d.low, d.high)
                                                for k, d in f.space.dimensions.items()]), n_trials=n_evals)
    else:
        raise ValueError(f"unknown method {name!r}; use random, sobol, bo, skopt or optuna.")
    spent = [time.perf_counter() - t_wall, time.process_time() - t_cpu]
    return np.array(values), spent[0] / n_evals, spent[1] / n_evals


def regret_curves(values, f_star) -> np.ndarray:
    """Simple regret after each evaluation: running minimum minus ``f_star``."""
    return np.minimum.accumulate(np.asarray(values, float), axis=-1) - f_star


def _available(method: str) -> bool:
    module = {"skopt": "skopt", "optuna": "optuna"}.get(method)
    if module is None:
        return True
    try:
        __import__(module)
    except ImportError:
        return False
    return True


def _cell(regrets) -> str:
    q1, med, q3 = np.percentile(regrets, [25, 50, 75])
    return f"{med:9.2g} [{q1:.2g}, {q3:.2g}]"


def _time_suggestion(seeds, n_obs: int = 50, repeats: int = 3):
    """Seconds (wall, CPU) for one BO suggestion with ``n_obs`` observations of Hartmann6."""
    from ..search import BayesianOptimization

    f = get_function("hartmann6")
    walls, cpus = [], []
    for seed in seeds:
        search = BayesianOptimization(f.space, direction="minimize", seed=seed)
        for config in f.space.sample(n_obs, seed=seed):  # 50 observations, told without asking the GP
            trial = search.ask()
            trial.config = config
            search.tell(trial, f(config))
        for _ in range(repeats):
            t_wall, t_cpu = time.perf_counter(), time.process_time()
            trial = search.ask()
            walls.append(time.perf_counter() - t_wall)
            cpus.append(time.process_time() - t_cpu)
            search.pending.pop(trial.number)  # forget it: every timed ask sees the same 50 observations
    return float(np.mean(walls)), float(np.mean(cpus))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m hpolab.benchmarks bo", description=__doc__.split("\n")[0])
    parser.add_argument("--seeds", type=int, default=10, help="seeds per method and problem (default 10)")
    parser.add_argument("--evals", type=int, default=50, help="evaluations per run (default 50)")
    parser.add_argument("--problems", default="branin,hartmann3", help="comma-separated test functions")
    parser.add_argument("--methods", default="random,sobol,bo,skopt,optuna",
                        help="comma-separated; skopt and optuna are skipped when not installed")
    parser.add_argument("--no-timing", action="store_true", help="skip the 6-D suggestion timing")
    args = parser.parse_args(argv)
    if args.seeds < 1 or args.evals < 1:
        parser.error("--seeds and --evals must be at least 1")
    methods = [m for m in args.methods.split(",") if m]
    skipped = [m for m in methods if not _available(m)]
    methods = [m for m in methods if m not in skipped]
    marks = [m for m in (10, 20, 30, 50) if m <= args.evals] or [args.evals]
    print(f"Simple regret (median [25%, 75%]) over {args.seeds} seeds; time = mean seconds per suggestion")
    if skipped:
        print(f"(not installed, skipped: {', '.join(skipped)})")
    header = f"{'problem':<10} {'method':<7}" + "".join(f"{'@' + str(m):>25}" for m in marks)
    print(header + f"{'wall s':>9}{'cpu s':>8}")
    for problem in args.problems.split(","):
        f = get_function(problem)
        for method in methods:
            runs = [run_method(method, f, args.evals, seed) for seed in range(args.seeds)]
            regrets = np.array([regret_curves(values, f.f_star) for values, _, _ in runs])
            cells = "".join(f"{_cell(regrets[:, m - 1]):>25}" for m in marks)
            wall, cpu = np.mean([r[1] for r in runs]), np.mean([r[2] for r in runs])
            print(f"{problem:<10} {method:<7}{cells}{wall:9.3f}{cpu:8.3f}", flush=True)
    if not args.no_timing:
        wall, cpu = _time_suggestion(range(min(args.seeds, 5)))
        print(f"\nBO suggestion with 50 observations in 6 dimensions (Hartmann6): "
              f"{wall:.3f} s wall, {cpu:.3f} s CPU (mean)")
    return 0
