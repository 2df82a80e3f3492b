"""A tabular benchmark: the MLP's validation accuracy on digits, per epoch, for a lattice of configurations.

Training a network for every trial makes comparing search methods over many seeds slow.
So the MLP of :func:`hpolab.objectives.mlp_digits_epochs` was trained once for every
configuration of a lattice of the six classic hyperparameters (288 configurations, 3 seeds,
81 epochs), and the validation accuracy after every epoch was stored in
``data/mlp_digits_tabular.npz``. :class:`TabularBenchmark` loads it and answers
``objective(config, budget)`` instantly, with the score training would have given.

Regenerate the file (about 10 CPU-minutes; 24 minutes measured with 2 workers on 2 busy cores)::

    python -m hpolab.benchmarks.tabular --jobs 2 --out data/mlp_digits_tabular.npz
"""

from __future__ import annotations

import argparse
import itertools
import os
import time
from pathlib import Path
from typing import Any, Mapping

import numpy as np

from ..space import Categorical, Space

__all__ = ["LATTICE", "lattice_configs", "generate", "TabularBenchmark", "TabularObjective", "DEFAULT_PATH"]

#: The values of each hyperparameter in the table (the lattice is every combination).
LATTICE = {
    "learning_rate": [0.001, 0.01, 0.1, 1.0],
    "decay": [0.0, 0.03, 0.3],
    "hidden_layers": [1, 2],
    "nodes": [16, 64],
    "batch_size": [64, 256],
    "momentum": [0.0, 0.6, 0.9],
}
MAX_EPOCHS, SEEDS = 81, (0, 1, 2)
DEFAULT_PATH = Path(__file__).resolve().parents[2] / "data" / "mlp_digits_tabular.npz"


def lattice_configs(lattice: Mapping[str, list] = LATTICE) -> list[dict[str, Any]]:
    """Every configuration of the lattice, in a fixed order (the last hyperparameter varies fastest)."""
    return [dict(zip(lattice, values)) for values in itertools.product(*lattice.values())]


def _correct_counts(task):
    """Validation images classified correctly after each epoch, for one (config, seed)."""
    from ..objectives import mlp_digits_epochs

    config, seed, epochs = task
    objective = mlp_digits_epochs(seed=seed, checkpoints=False)
    return np.rint(objective.learning_curve(config, epochs) * len(objective.y_val)).astype(np.uint16)


def generate(configs: list[dict], seeds=SEEDS, epochs: int = MAX_EPOCHS, n_jobs: int = 1) -> np.ndarray:
    """Train every configuration for every seed; counts of correct validation images per epoch.

    Parameters
    ----------
    configs : list of dict
        Configurations (usually :func:`lattice_configs`, or a slice of it).
    seeds : sequence of int
        Network seeds.
    epochs : int
        Epochs per training run.
    n_jobs : int, default 1
        Worker processes; each (configuration, seed) is an independent task.

    Returns
    -------
    ndarray of uint16, shape (len(configs), len(seeds), epochs)
    """
    tasks = [(config, seed, epochs) for config in configs for seed in seeds]
    if n_jobs == 1:
        rows = list(map(_correct_counts, tasks))
    else:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(n_jobs) as pool:
            rows = list(pool.map(_correct_counts, tasks, chunksize=4))
    return np.array(rows, dtype=np.uint16).reshape(len(configs), len(seeds), epochs)


class TabularObjective:
    """``objective(config, budget) -> score`` answered from the table; counts epochs as training would.

    Like :class:`hpolab.objectives.EpochObjective` it remembers the longest run of each
    configuration, so a promoted configuration costs only its extra epochs
    (``last_budget_spent``).
    """

    def __init__(self, benchmark: "TabularBenchmark", seed_index: int | None = None):
        self.benchmark, self.seed_index, self.space = benchmark, seed_index, benchmark.space
        self.done: dict[int, int] = {}
        self.last_budget_spent, self.total_budget_spent = None, 0

    def __call__(self, config: Mapping[str, Any], budget) -> float:
        index, epochs = self.benchmark.index(config), int(budget)
        if epochs != budget or not 1 <= epochs <= self.benchmark.max_epochs:
            raise ValueError(f"budget must be a whole number of epochs in 1..{self.benchmark.max_epochs}, "
                             f"got {budget!r}.")
        before = self.done.get(index, 0)
        self.last_budget_spent = epochs - before if before <= epochs else epochs
        self.total_budget_spent += self.last_budget_spent
        self.done[index] = max(before, epochs)
        return self.benchmark.score(index, epochs, self.seed_index)


class TabularBenchmark:
    """The shipped table, loaded: scores by (configuration, epochs), and the space to search.

    Parameters
    ----------
    path : str or Path, optional
        The ``.npz`` file; ``data/mlp_digits_tabular.npz`` by default.

    Attributes
    ----------
    space : Space
        One Categorical dimension per hyperparameter, with the lattice values.
    configs : list of dict
        The configurations, in table order.
    scores : ndarray, shape (n_configs, n_seeds, max_epochs)
        Validation accuracy after each epoch (index 0 is after 1 epoch).

    Examples
    --------
    >>> bench = TabularBenchmark()
    >>> bench.scores.shape
    (288, 3, 81)
    >>> objective = bench.objective()
    >>> score = objective(bench.configs[0], 27)
    >>> objective.last_budget_spent
    27
    """

    def __init__(self, path=None):
        path = Path(path or DEFAULT_PATH)
        if not path.exists():
            raise ValueError(f"{path} is missing; regenerate it with "
                             "`python -m hpolab.benchmarks.tabular --out data/mlp_digits_tabular.npz`.")
        with np.load(path) as data:
            self.names = [str(n) for n in data["names"]]
            self.lattice = {n: data[f"values_{n}"].tolist() for n in self.names}
            self.correct, self.n_validation = data["correct"], int(data["n_validation"])
            self.seeds = data["seeds"].tolist()
        self.configs = lattice_configs(self.lattice)
        self._index = {self._key(c): i for i, c in enumerate(self.configs)}
        self.scores = self.correct / self.n_validation
        self.mean_scores = self.scores.mean(axis=1)  # (n_configs, max_epochs), what objectives return
        self.max_epochs = self.scores.shape[2]
        self.space = Space({n: Categorical(v) for n, v in self.lattice.items()})

    def _key(self, config):
        return tuple(float(config[n]) for n in self.names)

    def index(self, config: Mapping[str, Any]) -> int:
        """Row of ``config`` in the table (ValueError if it is not on the lattice)."""
        try:
            return self._index[self._key(config)]
        except (KeyError, TypeError, ValueError):
            raise ValueError(f"{dict(config)!r} is not a configuration of the table; its values are "
                             f"{self.lattice!r}.") from None

    def score(self, index: int, epochs: int, seed_index: int | None = None) -> float:
        """Validation accuracy after ``epochs`` epochs: mean over seeds, or one seed's."""
        if seed_index is None:
            return float(self.mean_scores[index, epochs - 1])
        return float(self.scores[index, seed_index, epochs - 1])

    def best_score(self, epochs: int | None = None) -> float:
        """The best mean validation accuracy in the table at ``epochs`` (the maximum by default)."""
        return float(self.mean_scores[:, (epochs or self.max_epochs) - 1].max())

    def objective(self, seed_index: int | None = None) -> TabularObjective:
        """A fresh objective (its own memory of checkpoints): mean over seeds, or one seed's scores."""
        return TabularObjective(self, seed_index)


def main(argv=None) -> int:
    """Command line: regenerate the table (``--limit`` for a quick slice)."""
    parser = argparse.ArgumentParser(prog="python -m hpolab.benchmarks.tabular", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default=str(DEFAULT_PATH), help="output .npz file")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="worker processes")
    parser.add_argument("--limit", type=int, default=None, help="only the first LIMIT configurations")
    args = parser.parse_args(argv)
    configs = lattice_configs()[:args.limit]
    start = time.perf_counter()
    correct = generate(configs, SEEDS, MAX_EPOCHS, n_jobs=args.jobs)
    from ..objectives import mlp_digits_epochs

    values = {f"values_{n}": np.array(v) for n, v in LATTICE.items()}
    np.savez_compressed(args.out, correct=correct, names=np.array(list(LATTICE)), seeds=np.array(SEEDS),
                        n_validation=len(mlp_digits_epochs().y_val), **values)
    print(f"{len(configs)} configurations x {len(SEEDS)} seeds x {MAX_EPOCHS} epochs -> {args.out} "
          f"in {time.perf_counter() - start:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
