"""Classic test functions for optimizers, with their search spaces and known minima.

Each :class:`TestFunction` is an objective to *minimise*: call it with a configuration
dict (``f({"x1": 0.5, "x2": 2.0})``) or use :meth:`TestFunction.values` on an array of
points. The known minimum ``f_star`` makes *simple regret* (best value found minus
``f_star``) a fair score across methods.

=============  ===========  ===============================  ==========================
function       dimensions   domain                           minimum
=============  ===========  ===============================  ==========================
forrester      1            [0, 1]                           -6.020740 at 0.757249
branin         2            x1 in [-5, 10], x2 in [0, 15]    0.397887 (three minimisers)
hartmann3      3            [0, 1]^3                         -3.86278
hartmann6      6            [0, 1]^6                         -3.32237
rosenbrock     d            [-5, 10]^d                       0 at (1, ..., 1)
=============  ===========  ===============================  ==========================
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import numpy as np

from ..space import Float, Space

__all__ = ["TestFunction", "forrester", "branin", "hartmann3", "hartmann6", "rosenbrock", "get_function",
           "FUNCTIONS"]


@dataclass
class TestFunction:
    """A test function to minimise, with its domain and known optimum.

    Attributes
    ----------
    name : str
    space : Space
        One Float dimension per input, named ``x1``, ``x2``, ...
    f_star : float
        The global minimum value.
    minimizers : list of tuple
        Points where it is reached.
    function : callable
        ``function(X)`` on an array of shape (n, d) returns n values.
    direction : str
        Always ``"minimize"``; pass it to a search.

    Examples
    --------
    >>> f = branin()
    >>> round(f({"x1": np.pi, "x2": 2.275}), 6)
    0.397887
    """

    name: str
    space: Space
    f_star: float
    minimizers: list
    function: Callable = field(repr=False)
    direction: str = "minimize"

    @property
    def dim(self) -> int:
        """Number of inputs."""
        return len(self.space)

    def values(self, X) -> np.ndarray:
        """Function values at the rows of ``X`` (shape (n, d), in the function's own units)."""
        return self.function(np.atleast_2d(np.asarray(X, float)))

    def __call__(self, config) -> float:
        return float(self.values([[config[name] for name in self.space.names]])[0])

    def regret(self, value) -> float:
        """Simple regret of a found value: ``value - f_star`` (0 at the optimum)."""
        return float(value) - self.f_star


def _space(bounds) -> Space:
    return Space({f"x{i + 1}": Float(float(lo), float(hi)) for i, (lo, hi) in enumerate(bounds)})


def _forrester(X):
    x = X[:, 0]
    return (6 * x - 2) ** 2 * np.sin(12 * x - 4)


def forrester() -> TestFunction:
    """Forrester et al. (2008): a 1-D function with one global and one local minimum on [0, 1]."""
    return TestFunction("forrester", _space([(0, 1)]), -6.020740055767083, [(0.7572487,)], _forrester)


def _branin(X):
    x1, x2 = X[:, 0], X[:, 1]
    b, c, t = 5.1 / (4 * np.pi ** 2), 5 / np.pi, 1 / (8 * np.pi)
    return (x2 - b * x1 ** 2 + c * x1 - 6) ** 2 + 10 * (1 - t) * np.cos(x1) + 10


def branin() -> TestFunction:
    """Branin-Hoo: 2-D, three global minimisers, ``f* = 0.397887``."""
    return TestFunction("branin", _space([(-5, 10), (0, 15)]), 0.39788735772973816,
                        [(-np.pi, 12.275), (np.pi, 2.275), (9.42478, 2.475)], _branin)


_H3_A = np.array([[3.0, 10, 30], [0.1, 10, 35], [3.0, 10, 30], [0.1, 10, 35]])
_H3_P = 1e-4 * np.array([[3689, 1170, 2673], [4699, 4387, 7470], [1091, 8732, 5547], [381, 5743, 8828]])
_H6_A = np.array([[10, 3, 17, 3.5, 1.7, 8], [0.05, 10, 17, 0.1, 8, 14],
                  [3, 3.5, 1.7, 10, 17, 8], [17, 8, 0.05, 10, 0.1, 14]])
_H6_P = 1e-4 * np.array([[1312, 1696, 5569, 124, 8283, 5886], [2329, 4135, 8307, 3736, 1004, 9991],
                         [2348, 1451, 3522, 2883, 3047, 6650], [4047, 8828, 8732, 5743, 1091, 381]])
_H_ALPHA = np.array([1.0, 1.2, 3.0, 3.2])


def _hartmann(A, P):
    def function(X):
        inner = np.einsum("kd,nkd->nk", A, (X[:, None, :] - P[None]) ** 2)
        return -np.exp(-inner) @ _H_ALPHA
    return function


def hartmann3() -> TestFunction:
    """Hartmann 3-D: four local minima in the unit cube, ``f* = -3.86278``."""
    return TestFunction("hartmann3", _space([(0, 1)] * 3), -3.8627797873327,
                        [(0.114614, 0.555649, 0.852547)], _hartmann(_H3_A, _H3_P))


def hartmann6() -> TestFunction:
    """Hartmann 6-D: six local minima in the unit cube, ``f* = -3.32237``."""
    return TestFunction("hartmann6", _space([(0, 1)] * 6), -3.3223680114155,
                        [(0.20169, 0.150011, 0.476874, 0.275332, 0.311652, 0.6573)], _hartmann(_H6_A, _H6_P))


def _rosenbrock(X):
    return np.sum(100 * (X[:, 1:] - X[:, :-1] ** 2) ** 2 + (1 - X[:, :-1]) ** 2, axis=1)


def rosenbrock(dim: int = 2) -> TestFunction:
    """Rosenbrock's banana valley in ``dim`` dimensions on [-5, 10]^dim, ``f* = 0`` at (1, ..., 1)."""
    if int(dim) != dim or dim < 2:
        raise ValueError(f"rosenbrock needs dim >= 2 (a whole number), got {dim!r}.")
    return TestFunction(f"rosenbrock{int(dim)}", _space([(-5, 10)] * int(dim)), 0.0,
                        [(1.0,) * int(dim)], _rosenbrock)


FUNCTIONS = {"forrester": forrester, "branin": branin, "hartmann3": hartmann3, "hartmann6": hartmann6,
             "rosenbrock": rosenbrock}


def get_function(name: str) -> TestFunction:
    """A test function by name (``"branin"``, ``"hartmann3"``, ...)."""
    key = name.lower()
    if key not in FUNCTIONS:
        raise ValueError(f"unknown test function {name!r}; choose from {sorted(FUNCTIONS)}.")
    return FUNCTIONS[key]()
