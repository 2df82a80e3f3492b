"""Random search: draw configurations independently, uniformly or quasi-randomly (Sobol)."""

from __future__ import annotations

from ..space import Space
from .base import Search

__all__ = ["RandomSearch"]


class RandomSearch(Search):
    """Sample each trial's configuration uniformly from the space.

    Parameters
    ----------
    space : Space
        What to search over; log dimensions are sampled uniformly in log space.
    sampler : {"uniform", "sobol"}, default "uniform"
        ``"uniform"`` draws independent points. ``"sobol"`` draws a scrambled Sobol
        sequence (``scipy.stats.qmc``): still random, but spread more evenly, with
        fewer clumps and gaps.
    direction : {"maximize", "minimize"}, default "maximize"
    seed : int, numpy.random.Generator or None

    Examples
    --------
    >>> from hpolab import Space, Float
    >>> search = RandomSearch(Space(x=Float(-1, 1)), seed=0, direction="minimize")
    >>> history = search.run(lambda c: c["x"] ** 2, n_trials=20, progress=False)
    >>> abs(history.best().config["x"]) < 0.2
    True
    """

    def __init__(self, space: Space, sampler: str = "uniform", direction: str = "maximize", seed=None):
        if sampler not in ("uniform", "sobol"):
            raise ValueError(f"sampler must be 'uniform' or 'sobol', got {sampler!r}.")
        super().__init__(space, direction=direction, seed=seed)
        self.sampler = sampler
        self._block, self._sobol = [], None

    def _next_unit_point(self):
        if self.sampler == "uniform":
            return self.rng.random(len(self.space))
        if not self._block:
            from scipy.stats import qmc  # imported here: scipy.stats is slow to import

            if self._sobol is None:
                self._sobol = qmc.Sobol(d=len(self.space), scramble=True, seed=self.rng)
            # Sobol points are balanced in blocks of powers of two: draw the next block.
            n = max(self._sobol.num_generated, 16)
            self._block = list(self._sobol.random(n))
        return self._block.pop(0)

    def _propose(self):
        return self.space.from_unit(self._next_unit_point())
