"""Grid search: try every combination of a few values per hyperparameter."""

from __future__ import annotations

from typing import Mapping

from ..space import Space
from .base import Search, SearchExhausted

__all__ = ["GridSearch"]


class GridSearch(Search):
    """Evaluate every point of ``space.grid(n)``, in order.

    Parameters
    ----------
    space : Space
        What to search over.
    n : int or mapping of str to int, default 5
        Values per numeric dimension (log-spaced on log dimensions); categorical
        dimensions use all their choices. The grid has the product of these sizes.
    direction : {"maximize", "minimize"}, default "maximize"

    Examples
    --------
    >>> from hpolab import Space, Float
    >>> search = GridSearch(Space(x=Float(-1, 1)), n=5, direction="minimize")
    >>> search.run(lambda c: c["x"] ** 2, progress=False).best().config
    {'x': 0.0}
    """

    finite = True

    def __init__(self, space: Space, n: int | Mapping[str, int] = 5, direction: str = "maximize"):
        super().__init__(space, direction=direction, seed=0)
        self.grid = space.grid(n)

    def __len__(self) -> int:
        return len(self.grid)

    def _propose(self):
        if self._n_asked >= len(self.grid):
            raise SearchExhausted(f"all {len(self.grid)} grid points have been asked for.")
        return self.grid[self._n_asked]
