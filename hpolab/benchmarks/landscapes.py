"""Precomputed score landscapes: the validation score at every point of a dense lattice.

A landscape lets a notebook draw a heatmap, or run thousands of simulated searches,
in milliseconds instead of hours: each configuration is looked up, not trained.
The shipped file ``data/svc_landscape.npz`` holds the 3-fold cross-validated accuracy
of an RBF support vector classifier on 600 handwritten digits
(:func:`hpolab.objectives.svc_digits`) on a 61 x 61 lattice of C x gamma, log-spaced
over the objective's own search space.

Regenerate it (about 10 minutes on 2 cores) with::

    python -m hpolab.benchmarks.landscapes
"""

from __future__ import annotations

import argparse
import functools
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

import numpy as np

__all__ = ["Landscape", "compute_svc_landscape", "load_svc_landscape", "SVC_LANDSCAPE_PATH"]

#: Where the shipped landscape lives (the repository's ``data/`` folder).
SVC_LANDSCAPE_PATH = Path(__file__).resolve().parents[2] / "data" / "svc_landscape.npz"
#: Points per axis of the shipped lattice: 61 = 60 intervals, so grids of 2, 3, 4, 5, 6, 7, 11,
#: 13, 16, 21 and 31 values per axis fall exactly on lattice points.
N_POINTS = 61


@dataclass
class Landscape:
    """Scores on a lattice of two log-scaled hyperparameters, C (rows) x gamma (columns).

    Attributes
    ----------
    C, gamma : ndarray
        The lattice values of each axis, increasing.
    scores : ndarray of shape (len(C), len(gamma))
        Mean cross-validated accuracy at each lattice point.
    """

    C: np.ndarray
    gamma: np.ndarray
    scores: np.ndarray

    @property
    def names(self) -> tuple[str, str]:
        """The two hyperparameter names, rows first."""
        return ("C", "gamma")

    def index(self, config: Mapping[str, Any]) -> tuple[int, int]:
        """Row and column of the lattice point nearest to ``config`` (in log space)."""
        i = int(np.argmin(np.abs(np.log(self.C) - np.log(config["C"]))))
        j = int(np.argmin(np.abs(np.log(self.gamma) - np.log(config["gamma"]))))
        return i, j

    def score(self, config: Mapping[str, Any]) -> float:
        """The score of the nearest lattice point: a lookup that stands in for training.

        Examples
        --------
        >>> land = load_svc_landscape()
        >>> land.score({"C": 10.0, "gamma": 1e-3}) > 0.95
        True
        """
        return float(self.scores[self.index(config)])

    __call__ = score

    def best(self) -> tuple[dict[str, float], float]:
        """The best lattice point (first one on ties) and its score."""
        i, j = np.unravel_index(int(np.argmax(self.scores)), self.scores.shape)
        return {"C": float(self.C[i]), "gamma": float(self.gamma[j])}, float(self.scores[i, j])


def compute_svc_landscape(C=None, gamma=None, objective=None, progress: bool = False) -> Landscape:
    """Evaluate the SVC-on-digits objective at every (C, gamma) pair.

    Parameters
    ----------
    C, gamma : sequence of float, optional
        Axis values; default the objective space's own 61-point log grid.
    objective : callable, optional
        ``objective(config) -> score``; default :func:`hpolab.objectives.svc_digits()`.
    progress : bool, default False
        Print one line per row.

    Returns
    -------
    Landscape
    """
    from ..objectives import svc_digits

    objective = objective or svc_digits()
    space = objective.space if hasattr(objective, "space") else svc_digits().space
    C = np.asarray(space["C"].grid(N_POINTS) if C is None else C, dtype=float)
    gamma = np.asarray(space["gamma"].grid(N_POINTS) if gamma is None else gamma, dtype=float)
    scores = np.empty((len(C), len(gamma)))
    start = time.perf_counter()
    for i, c in enumerate(C):
        scores[i] = [objective({"C": float(c), "gamma": float(g)}) for g in gamma]
        if progress:
            print(f"row {i + 1}/{len(C)} done, {time.perf_counter() - start:.0f} s", file=sys.stderr)
    return Landscape(C, gamma, scores)


@functools.lru_cache(maxsize=2)
def load_svc_landscape(path: str | None = None) -> Landscape:
    """The shipped SVC landscape (cached after the first call).

    Parameters
    ----------
    path : str, optional
        Another ``.npz`` written by :func:`main`.
    """
    path = Path(path) if path else SVC_LANDSCAPE_PATH
    if not path.exists():
        raise ValueError(f"{path} does not exist. Regenerate it with: python -m hpolab.benchmarks.landscapes")
    with np.load(path) as data:
        return Landscape(data["C"], data["gamma"], data["scores"])


def main(argv=None) -> int:
    """Recompute the landscape and write it to ``data/svc_landscape.npz`` (or ``--out``)."""
    parser = argparse.ArgumentParser(prog="python -m hpolab.benchmarks.landscapes", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default=str(SVC_LANDSCAPE_PATH), help="where to write the .npz")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    land = compute_svc_landscape(progress=True)
    np.savez_compressed(args.out, C=land.C, gamma=land.gamma, scores=land.scores)
    print(f"wrote {args.out}: {land.scores.shape[0]} x {land.scores.shape[1]} scores, "
          f"best {land.best()[1]:.4f}, {time.perf_counter() - start:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
