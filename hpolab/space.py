"""Search spaces: the hyperparameters a search may set, and the values each may take.

A :class:`Space` is a set of named dimensions. Each dimension knows how to

* draw random values (``sample``),
* lay out evenly spaced values (``grid``),
* map its values to and from ``[0, 1]`` (``to_unit`` / ``from_unit``), the
  coordinates in which Sobol sequences and Gaussian processes work.

Log-scaled dimensions do all three in log space, so ``Float(1e-4, 1e-1, log=True)``
gives as many samples between 1e-4 and 1e-3 as between 1e-2 and 1e-1.
"""

from __future__ import annotations

import itertools
import math
from numbers import Real
from typing import Any, Iterator, Mapping

import numpy as np

__all__ = ["Float", "Int", "Categorical", "Space"]


def _rng(seed) -> np.random.Generator:
    """A Generator from an int, a Generator or None (None means fresh entropy)."""
    return np.random.default_rng(seed)


class Dimension:
    """Base class of one hyperparameter's range. Not used directly."""

    name: str | None = None

    def _where(self) -> str:
        return f"dimension {self.name!r} = {self!r}" if self.name else repr(self)

    def _fail(self, problem: str, fix: str):
        raise ValueError(f"{self._where()}: {problem}. {fix}")

    def bind(self, name: str) -> "Dimension":
        """Give the dimension its name in a :class:`Space` (used in error messages)."""
        self.name = name
        return self

    # Subclasses implement these on NumPy arrays of unit coordinates.
    def from_unit(self, u):  # pragma: no cover - abstract
        raise NotImplementedError

    def to_unit(self, value) -> float:  # pragma: no cover - abstract
        raise NotImplementedError

    def grid(self, n: int) -> list:  # pragma: no cover - abstract
        raise NotImplementedError

    def sample(self, n: int | None = None, seed=None):
        """Draw ``n`` values uniformly (in log space for log dimensions).

        Returns one value when ``n`` is None, else a list of ``n`` values.
        """
        rng = _rng(seed)
        u = rng.random(1 if n is None else n)
        values = [self.from_unit(x) for x in u]
        return values[0] if n is None else values


class _Numeric(Dimension):
    kind = "float"

    def __init__(self, low, high, log: bool = False, name: str | None = None):
        self.name = name
        self.low, self.high, self.log = low, high, bool(log)
        for label, bound in (("low", low), ("high", high)):
            if isinstance(bound, bool) or not isinstance(bound, Real) or not math.isfinite(bound):
                self._fail(f"{label}={bound!r} is not a finite number",
                           f"Give numbers, for example {type(self).__name__}(0.001, 1.0).")
        if low >= high:
            self._fail(f"low ({low}) must be smaller than high ({high})",
                       f"Swap them: {type(self).__name__}({high}, {low}"
                       f"{', log=True' if log else ''}).")
        if log and low <= 0:
            self._fail(f"a log-scaled range needs low > 0, got low={low} (log of {low} is undefined)",
                       "Use a small positive low such as 1e-6, or log=False.")

    def __repr__(self):
        log = ", log=True" if self.log else ""
        return f"{type(self).__name__}({self.low!r}, {self.high!r}{log})"

    def _warp(self, x):
        return np.log(x) if self.log else np.asarray(x, dtype=float)

    def _unwarp(self, x):
        return np.exp(x) if self.log else x


class Float(_Numeric):
    """A real-valued hyperparameter in ``[low, high]``.

    Parameters
    ----------
    low, high : float
        Bounds, ``low < high``.
    log : bool, default False
        Sample and grid uniformly in log space (needs ``low > 0``). Use it for
        hyperparameters that matter by orders of magnitude, such as learning rates.

    Examples
    --------
    >>> Float(1e-4, 1e-1, log=True).grid(4)
    [0.0001, 0.001, 0.01, 0.1]
    """

    def from_unit(self, u) -> float:
        lo, hi = self._warp(self.low), self._warp(self.high)
        value = float(self._unwarp(lo + float(u) * (hi - lo)))
        return min(max(value, self.low), self.high)

    def to_unit(self, value) -> float:
        lo, hi = self._warp(self.low), self._warp(self.high)
        return float((self._warp(value) - lo) / (hi - lo))

    def grid(self, n: int) -> list[float]:
        if n < 1:
            self._fail(f"a grid needs at least 1 point, got {n}", "Ask for n >= 1.")
        if n == 1:
            return [self.from_unit(0.5)]
        values = self._unwarp(np.linspace(self._warp(self.low), self._warp(self.high), n))
        # 12 significant digits: 0.001, not 0.0010000000000000002 from exp(log(x))
        return [float(f"{v:.12g}") for v in values]

    def contains(self, value) -> bool:
        return isinstance(value, Real) and self.low <= value <= self.high


class Int(_Numeric):
    """An integer hyperparameter in ``[low, high]`` (both included).

    Parameters
    ----------
    low, high : int
        Bounds, ``low < high``.
    log : bool, default False
        Sample and grid uniformly in log space (needs ``low >= 1``), for example
        for layer widths 16 ... 512.

    Examples
    --------
    >>> Int(1, 5).grid(3)
    [1, 3, 5]
    """

    kind = "int"

    def __init__(self, low, high, log: bool = False, name: str | None = None):
        super().__init__(low, high, log, name)
        for label, bound in (("low", low), ("high", high)):
            if int(bound) != bound:
                self._fail(f"{label}={bound!r} is not a whole number",
                           "Use whole-number bounds, or Float for a real-valued range.")
        self.low, self.high = int(low), int(high)

    # Each integer owns an equal slice of the unit interval (of log space for log=True),
    # so uniform u gives uniform integers and the end points are not under-sampled.
    def _edges(self):
        return self._warp(self.low - 0.5), self._warp(self.high + 0.5)  # log needs low >= 1

    def from_unit(self, u) -> int:
        lo, hi = self._edges()
        value = int(np.round(self._unwarp(lo + float(u) * (hi - lo))))
        return min(max(value, self.low), self.high)

    def to_unit(self, value) -> float:
        lo, hi = self._edges()
        return float(np.clip((self._warp(value) - lo) / (hi - lo), 0.0, 1.0))

    def grid(self, n: int) -> list[int]:
        if n < 1:
            self._fail(f"a grid needs at least 1 point, got {n}", "Ask for n >= 1.")
        if n == 1:
            return [self.from_unit(0.5)]
        values = self._unwarp(np.linspace(self._warp(self.low), self._warp(self.high), n))
        return sorted({int(np.round(v)) for v in values})

    def contains(self, value) -> bool:
        return isinstance(value, (int, np.integer)) and self.low <= value <= self.high


class Categorical(Dimension):
    """A hyperparameter that takes one of a list of choices (strings, numbers, ...).

    In unit coordinates each choice owns an equal slice of ``[0, 1]``; choice ``i``
    of ``k`` maps to ``(i + 0.5) / k``.

    Examples
    --------
    >>> Categorical(["relu", "tanh"]).grid(5)
    ['relu', 'tanh']
    """

    kind = "categorical"

    def __init__(self, choices, name: str | None = None):
        self.name = name
        if isinstance(choices, (str, bytes)) or not hasattr(choices, "__iter__"):
            self.choices = [choices]
            self._fail(f"choices must be a list, got {choices!r}",
                       f"Wrap it in a list: Categorical([{choices!r}, ...]).")
        self.choices = list(choices)
        if not self.choices:
            self._fail("there are no choices", "Give at least one, e.g. Categorical(['a', 'b']).")
        seen = []
        for c in self.choices:
            if c in seen:
                self._fail(f"choice {c!r} appears more than once", "Remove the duplicate.")
            seen.append(c)

    def __repr__(self):
        return f"Categorical({self.choices!r})"

    def from_unit(self, u):
        k = len(self.choices)
        return self.choices[min(int(float(u) * k), k - 1)]

    def to_unit(self, value) -> float:
        if value not in self.choices:
            self._fail(f"{value!r} is not one of the choices", f"Use one of {self.choices!r}.")
        return (self.choices.index(value) + 0.5) / len(self.choices)

    def grid(self, n: int | None = None) -> list:
        return list(self.choices)

    def contains(self, value) -> bool:
        return value in self.choices


class Space:
    """A search space: named hyperparameter dimensions.

    Parameters
    ----------
    dimensions : mapping of str to Float, Int or Categorical, optional
        May also be given as keyword arguments. Order is kept: it is the order of
        grid axes and of unit-cube coordinates.

    Examples
    --------
    >>> space = Space(C=Float(1e-2, 1e2, log=True), kernel=Categorical(["rbf", "linear"]))
    >>> len(space.grid(3))
    6
    >>> space.sample(2, seed=0)[0]["kernel"] in ("rbf", "linear")
    True
    """

    def __init__(self, dimensions: Mapping[str, Dimension] | None = None, **kwargs: Dimension):
        dims = dict(dimensions or {})
        dims.update(kwargs)
        if not dims:
            raise ValueError("A Space needs at least one dimension, e.g. Space(C=Float(0.01, 100, log=True)).")
        self.dimensions: dict[str, Dimension] = {}
        for name, dim in dims.items():
            if not isinstance(name, str) or not name:
                raise ValueError(f"Dimension names must be non-empty strings, got {name!r}.")
            if not isinstance(dim, Dimension):
                raise ValueError(
                    f"dimension {name!r} = {dim!r} is not a Float, Int or Categorical. "
                    f"Write e.g. {name}=Float(0.001, 1.0) or {name}=Categorical([...]).")
            self.dimensions[name] = dim.bind(name)

    def __repr__(self):
        inner = ", ".join(f"{k}={v!r}" for k, v in self.dimensions.items())
        return f"Space({inner})"

    def __len__(self) -> int:
        return len(self.dimensions)

    def __iter__(self) -> Iterator[str]:
        return iter(self.dimensions)

    def __getitem__(self, name: str) -> Dimension:
        return self.dimensions[name]

    @property
    def names(self) -> list[str]:
        """Dimension names, in order."""
        return list(self.dimensions)

    def sample(self, n: int | None = None, seed=None):
        """Draw configurations uniformly at random (log dimensions uniform in log space).

        Parameters
        ----------
        n : int or None
            Number of configurations; None returns a single dict.
        seed : int, numpy.random.Generator or None
            Source of randomness; the same int gives the same sequence.

        Returns
        -------
        dict or list of dict
        """
        rng = _rng(seed)
        u = rng.random((1 if n is None else n, len(self)))
        configs = [self.from_unit(row) for row in u]
        return configs[0] if n is None else configs

    def grid(self, n: int | Mapping[str, int] = 5) -> list[dict[str, Any]]:
        """All combinations of ``n`` evenly spaced values per numeric dimension.

        Log dimensions are log-spaced, categorical dimensions use every choice,
        integer dimensions drop repeated values. The last dimension varies fastest.

        Parameters
        ----------
        n : int or mapping of str to int
            Points per numeric dimension, the same for all or per name.

        Returns
        -------
        list of dict
        """
        counts = {name: (n.get(name, 5) if isinstance(n, Mapping) else n) for name in self.dimensions}
        if isinstance(n, Mapping):
            unknown = set(n) - set(self.dimensions)
            if unknown:
                raise ValueError(f"grid(): unknown dimension(s) {sorted(unknown)}; the space has {self.names}.")
        axes = [dim.grid(counts[name]) for name, dim in self.dimensions.items()]
        return [dict(zip(self.names, combo)) for combo in itertools.product(*axes)]

    def to_unit(self, config: Mapping[str, Any]) -> np.ndarray:
        """Map a configuration to a point of the unit cube ``[0, 1]^d``."""
        missing = set(self.names) - set(config)
        if missing:
            raise ValueError(f"configuration {dict(config)!r} lacks {sorted(missing)}.")
        return np.array([dim.to_unit(config[name]) for name, dim in self.dimensions.items()])

    def from_unit(self, u) -> dict[str, Any]:
        """Map a point of the unit cube back to a configuration (rounding ints, picking choices)."""
        u = np.asarray(u, dtype=float).ravel()
        if u.shape != (len(self),):
            raise ValueError(f"expected {len(self)} unit coordinates, got shape {u.shape}.")
        u = np.clip(u, 0.0, 1.0)
        return {name: dim.from_unit(x) for (name, dim), x in zip(self.dimensions.items(), u)}

    def validate(self, config: Mapping[str, Any]) -> None:
        """Raise ValueError if ``config`` is not a point of this space."""
        for name, dim in self.dimensions.items():
            if name not in config:
                raise ValueError(f"configuration lacks {name!r}; the space has {self.names}.")
            if not dim.contains(config[name]):
                raise ValueError(f"{name}={config[name]!r} is outside {dim!r}.")
