"""Gradient descent on 2-D loss surfaces: the training loop of lesson 01, small enough to draw.

Two parameters ``(x, y)`` stand in for a network's weights. Each step moves them
against the gradient; the hyperparameters decide how:

* ``learning_rate``: the size of each step (the factor in front of the gradient);
* ``decay``: how the step size shrinks, ``learning_rate / (1 + decay * t)`` at step ``t``
  (the same rule :class:`hpolab.models.MLPClassifier` applies per epoch);
* ``momentum``: the fraction of the previous update carried into the next one.

Pure NumPy; :func:`hpolab.plots.plot_descent` draws the result.

Examples
--------
>>> from hpolab.descent import gradient_descent
>>> path = gradient_descent("bowl", learning_rate=0.1, steps=100)
>>> path.converged_step, path.diverged
(42, False)
>>> gradient_descent("bowl", learning_rate=0.25).diverged  # steps above 2 / 10 overshoot
True
"""

from __future__ import annotations

import numbers
from dataclasses import dataclass
from typing import Callable

import numpy as np

__all__ = ["Surface", "SURFACES", "DescentPath", "gradient_descent"]


@dataclass(frozen=True)
class Surface:
    """A 2-D loss surface: its function, gradient, minimum and a good window to draw it.

    Attributes
    ----------
    name : str
    function : callable
        ``function(x, y)``, vectorised over arrays.
    gradient : callable
        ``gradient(x, y) -> (dx, dy)``.
    minimum : tuple of float
        Where the loss is smallest.
    start : tuple of float
        The default starting point.
    extent : tuple of float
        ``(x_min, x_max, y_min, y_max)`` to draw.
    """

    name: str
    function: Callable
    gradient: Callable
    minimum: tuple
    start: tuple
    extent: tuple

    def __call__(self, x, y):
        return self.function(x, y)


SURFACES = {
    # An elongated bowl: curvature 1 along x and 10 along y. Without momentum, plain gradient
    # descent converges exactly when learning_rate < 2 / 10 = 0.2.
    "bowl": Surface("bowl", lambda x, y: 0.5 * (x ** 2 + 10 * y ** 2), lambda x, y: (x, 10 * y),
                    minimum=(0.0, 0.0), start=(-3.5, 1.5), extent=(-4.0, 4.0, -2.5, 2.5)),
    # Rosenbrock's banana-shaped valley (scaled down): steep walls, a long flat floor.
    "valley": Surface("valley", lambda x, y: (1 - x) ** 2 + 5 * (y - x ** 2) ** 2,
                      lambda x, y: (-2 * (1 - x) - 20 * x * (y - x ** 2), 10 * (y - x ** 2)),
                      minimum=(1.0, 1.0), start=(-1.5, 2.5), extent=(-2.0, 2.0, -1.0, 3.5)),
}


@dataclass
class DescentPath:
    """Where gradient descent went.

    Attributes
    ----------
    points : ndarray of shape (n_steps + 1, 2)
        The parameters after each step, starting point first. Stops early on divergence.
    losses : ndarray of shape (n_steps + 1,)
        The loss at each point.
    step_sizes : ndarray of shape (n_steps,)
        The (decayed) learning rate of each step.
    converged_step : int or None
        The step from which on the loss stays within ``tol`` of the minimum loss, if any.
    diverged : bool
        True if the loss blew up (NaN, or more than 1000 times its starting distance from
        the minimum loss); the path then ends at the last point before that.
    """

    points: np.ndarray
    losses: np.ndarray
    step_sizes: np.ndarray
    converged_step: int | None
    diverged: bool

    @property
    def status(self) -> str:
        """One phrase: ``"converged at step 27"``, ``"diverged after 9 steps"`` or ``"not converged in 50 steps"``."""
        if self.diverged:
            return f"diverged after {len(self.points) - 1} steps"
        if self.converged_step is not None:
            return f"converged at step {self.converged_step}"
        return f"not converged in {len(self.points) - 1} steps"

    @property
    def final_loss(self) -> float:
        """Loss at the last point reached."""
        return float(self.losses[-1])


def _surface(surface) -> Surface:
    if isinstance(surface, Surface):
        return surface
    if surface not in SURFACES:
        raise ValueError(f"Unknown surface {surface!r}; choose one of {sorted(SURFACES)} or pass a Surface.")
    return SURFACES[surface]


def gradient_descent(surface="bowl", learning_rate: float = 0.1, momentum: float = 0.0, decay: float = 0.0,
                     steps: int = 50, start=None, tol: float = 1e-3) -> DescentPath:
    """Run gradient descent with classical momentum and learning-rate decay on a surface.

    Each step: ``velocity = momentum * velocity - step_size * gradient``, then
    ``point += velocity``, with ``step_size = learning_rate / (1 + decay * t)`` at step ``t``.

    Parameters
    ----------
    surface : str or Surface, default "bowl"
        A name from :data:`SURFACES` or a :class:`Surface`.
    learning_rate : float, default 0.1
        Size of each step, > 0.
    momentum : float, default 0.0
        Fraction of the previous update carried into the next, in [0, 1).
    decay : float, default 0.0
        Learning-rate decay per step, >= 0.
    steps : int, default 50
        Number of steps, >= 1.
    start : (float, float), optional
        Starting point; the surface's own by default.
    tol : float, default 1e-3
        Counts as converged once ``loss - minimum loss < tol``.

    Returns
    -------
    DescentPath
    """
    surface = _surface(surface)
    checks = [("learning_rate", learning_rate, numbers.Real, lambda v: 0 < v < np.inf, "a number > 0"),
              ("momentum", momentum, numbers.Real, lambda v: 0 <= v < 1, "a number in [0, 1)"),
              ("decay", decay, numbers.Real, lambda v: 0 <= v < np.inf, "a number >= 0"),
              ("steps", steps, numbers.Integral, lambda v: v >= 1, "a whole number >= 1")]
    for name, value, kind, valid, what in checks:
        if isinstance(value, bool) or not isinstance(value, kind) or not valid(value):
            raise ValueError(f"{name} must be {what}; got {value!r}.")
    point = np.array(surface.start if start is None else start, dtype=float)
    best = float(surface(*surface.minimum))
    step_sizes = learning_rate / (1.0 + decay * np.arange(int(steps)))
    points, velocity, diverged = [point.copy()], np.zeros(2), False
    losses = [float(surface(*point))]
    blow_up = best + 1000 * max(losses[0] - best, tol)
    with np.errstate(all="ignore"):
        for step_size in step_sizes:
            velocity = momentum * velocity - step_size * np.array(surface.gradient(*point))
            point = point + velocity
            loss = float(surface(*point))
            if not loss <= blow_up:  # also catches NaN
                diverged = True
                break
            points.append(point.copy())
            losses.append(loss)
    points, losses = np.array(points), np.array(losses)
    far = np.flatnonzero(~(losses - best < tol))
    settled = int(far[-1]) + 1 if len(far) else 0  # from here on the loss stays within tol
    converged_step = settled if settled < len(losses) and not diverged else None
    return DescentPath(points, losses, step_sizes[:len(points) - 1], converged_step, diverged)
