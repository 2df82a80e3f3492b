"""Search methods, one short module each, all on the ask/tell protocol of :mod:`hpolab.search.base`."""

import importlib

from .base import Search, SearchExhausted
from .grid import GridSearch
from .random import RandomSearch

# Methods that need heavier imports (scipy.optimize, ...) load on first use.
_LAZY = {"BayesianOptimization": "bayes", "SuccessiveHalving": "hyperband", "Hyperband": "hyperband"}

__all__ = ["Search", "SearchExhausted", "GridSearch", "RandomSearch", *_LAZY]


def __getattr__(name):
    if name in _LAZY:
        return getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
