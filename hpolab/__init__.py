"""hpolab: hyperparameter tuning, built from scratch, for the hpolab notebooks.

The core (search spaces, trials, grid and random search) loads at once; modules with
heavy dependencies (scikit-learn, matplotlib, scipy.optimize) load the first time
they are used, so ``import hpolab`` stays fast.

Examples
--------
>>> import hpolab
>>> space = hpolab.Space(x=hpolab.Float(-2, 2))
>>> search = hpolab.RandomSearch(space, direction="minimize", seed=0)
>>> history = search.run(lambda c: (c["x"] - 1) ** 2, n_trials=30, progress=False)
>>> round(history.best().config["x"], 1)
1.0
"""

import importlib

from .search import GridSearch, RandomSearch, Search, SearchExhausted
from .space import Categorical, Float, Int, Space
from .trial import History, Trial

__version__ = "0.1.0"

_LAZY_NAMES = {"BayesianOptimization": "hpolab.search", "SuccessiveHalving": "hpolab.search",
               "Hyperband": "hpolab.search"}
_LAZY_MODULES = {"acquisition", "benchmarks", "environment", "exercises", "gp", "models", "objectives", "plots",
                 "widgets"}

__all__ = ["Float", "Int", "Categorical", "Space", "Trial", "History", "Search", "SearchExhausted",
           "GridSearch", "RandomSearch", *_LAZY_NAMES]


def __getattr__(name):
    if name in _LAZY_NAMES:
        return getattr(importlib.import_module(_LAZY_NAMES[name]), name)
    if name in _LAZY_MODULES:
        return importlib.import_module(f".{name}", __name__)
    raise AttributeError(f"module 'hpolab' has no attribute {name!r}")


def __dir__():
    return sorted(set(globals()) | set(_LAZY_NAMES) | _LAZY_MODULES)
