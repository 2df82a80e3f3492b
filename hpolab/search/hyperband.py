"""Successive halving and Hyperband: give many configurations a little budget, the best more.

Successive halving (Jamieson & Talwalkar, 2016) runs one *bracket*: ``n`` random
configurations get the smallest budget (a few epochs); the best ``1/eta`` of them go on
to ``eta`` times the budget; and so on, until the survivors get the full budget.
Hyperband (Li et al., 2018) hedges the one choice successive halving leaves open, how
many configurations to start with: it runs several brackets, from "many configurations,
tiny budgets" (exploration) to "few configurations, full budget" (plain random search).

Both are :class:`~hpolab.search.base.Search` methods. ``ask()`` hands out a trial with a
``budget``; its ``info`` holds the bracket ``s``, the ``round`` and a ``config_id`` that
stays the same while a configuration is promoted, so a checkpointing objective can continue
training instead of starting over. A round is finished only when all its trials are told;
asking for more before that raises :class:`RoundNotFinished`. Failed (or NaN) trials are
never promoted. The schedules themselves are pure functions in :mod:`hpolab.search.schedules`.
"""

from __future__ import annotations

from ..space import Space
from .base import Search, SearchExhausted
from .schedules import hyperband_brackets, successive_halving_schedule

__all__ = ["SuccessiveHalving", "Hyperband", "RoundNotFinished"]


class RoundNotFinished(RuntimeError):
    """Raised by ``ask()`` while a round waits for results: promotion needs all of them."""


class SuccessiveHalving(Search):
    """Successive halving: start ``n_configs`` random configurations, keep the best ``1/eta`` each round.

    Parameters
    ----------
    space : Space
        What to search over; configurations are drawn uniformly (log dimensions in log space).
    min_budget, max_budget : number, default 1 and 27
        Budget of the first round, and the most any configuration gets. Round ``i`` gives
        ``min_budget * eta**i``.
    eta : int, default 3
        Keep the top ``1/eta`` of each round and multiply the budget by ``eta``.
    n_configs : int, optional
        Configurations in the first round; by default ``eta**(rounds - 1)`` (27 for 1 ... 27),
        so that one is left at the end.
    n_iterations : int or None, default 1
        How many times to run the whole schedule with fresh configurations; None repeats
        until the loop is stopped (by ``n_trials``, a time limit, or your own ask/tell loop).
    direction : {"maximize", "minimize"}, default "maximize"
    seed : int, numpy.random.Generator or None

    Examples
    --------
    >>> from hpolab import Space, Float
    >>> search = SuccessiveHalving(Space(x=Float(0, 1)), min_budget=1, max_budget=9, eta=3, seed=0)
    >>> history = search.run(lambda config, budget: budget - abs(config["x"] - 0.5), progress=False)
    >>> [t.budget for t in history].count(1), [t.budget for t in history].count(3), len(history)
    (9, 3, 13)
    """

    def __init__(self, space: Space, min_budget=1, max_budget=27, eta: int = 3, n_configs: int | None = None,
                 n_iterations: int | None = 1, direction: str = "maximize", seed=None):
        super().__init__(space, direction=direction, seed=seed)
        schedule = successive_halving_schedule(n_configs, min_budget, max_budget, eta)
        self._setup([{"s": len(schedule["n"]) - 1, **schedule}], eta, n_iterations)

    def _setup(self, brackets: list[dict], eta: int, n_iterations: int | None) -> None:
        if n_iterations is not None and (not isinstance(n_iterations, int) or n_iterations < 1):
            raise ValueError(f"n_iterations must be a whole number >= 1, or None to repeat forever; "
                             f"got {n_iterations!r}.")
        self.brackets, self.eta, self.n_iterations = brackets, eta, n_iterations
        self.finite = n_iterations is not None  # run() may then go until the schedule is done
        self._n_started, self._bracket, self._round = 0, None, 0
        self._queue: list[tuple[int, dict]] = []   # (config_id, config) still to hand out this round
        self._finished: list = []                   # trials of this round told so far
        self._outstanding = 0                       # trials of this round asked but not told
        self._next_id = 0

    # -- the method ---------------------------------------------------------------------
    def _propose(self):
        if not self._queue:
            if self._outstanding:
                raise RoundNotFinished(
                    f"round {self._round} of bracket s={self._bracket['s']} waits for {self._outstanding} "
                    "trial(s) to be told; tell their results (search.pending) before asking again.")
            self._start_bracket()
        config_id, config = self._queue.pop(0)
        self._outstanding += 1
        info = {"bracket": self._bracket["s"], "round": self._round, "config_id": config_id}
        return config, self._bracket["budget"][self._round], info

    def _start_bracket(self) -> None:
        """Draw fresh configurations for the next bracket (brackets repeat in order)."""
        if self.n_iterations is not None and self._n_started >= self.n_iterations * len(self.brackets):
            raise SearchExhausted(f"all {self._n_started} bracket(s) are done.")
        self._bracket = self.brackets[self._n_started % len(self.brackets)]
        self._n_started += 1
        self._round, self._finished = 0, []
        configs = self.space.sample(self._bracket["n"][0], seed=self.rng)
        self._queue = [(self._next_id + j, config) for j, config in enumerate(configs)]
        self._next_id += len(configs)

    def _observe(self, trial) -> None:
        self._outstanding -= 1
        self._finished.append(trial)
        if self._outstanding == 0 and not self._queue:
            self._promote()

    def _promote(self) -> None:
        """End of a round: the best ``n`` of next round's schedule go on; failed trials never do."""
        next_round = self._round + 1
        if next_round == len(self._bracket["n"]):
            return  # bracket done; the next ask() starts a new one
        sign = -1.0 if self.direction == "maximize" else 1.0
        ranked = sorted((t for t in self._finished if t.ok), key=lambda t: sign * t.score)  # stable: ties
        survivors = ranked[:self._bracket["n"][next_round]]                              # go to the earlier
        self._round, self._finished = next_round, []
        self._queue = [(t.info["config_id"], t.config) for t in survivors]


class Hyperband(SuccessiveHalving):
    """Hyperband: successive halving in every bracket of :func:`~hpolab.search.schedules.hyperband_brackets`.

    Parameters
    ----------
    space : Space
        What to search over.
    max_budget : number, default 27
        ``R``, the most budget one configuration gets.
    eta : int, default 3
        Keep the top ``1/eta`` each round.
    min_budget : number, default 1
        The smallest budget worth evaluating; ``R`` is counted in multiples of it.
    n_iterations : int or None, default 1
        Passes over all the brackets; None repeats until the loop is stopped.
    direction : {"maximize", "minimize"}, default "maximize"
    seed : int, numpy.random.Generator or None

    Examples
    --------
    >>> from hpolab import Space, Float
    >>> search = Hyperband(Space(x=Float(0, 1)), max_budget=9, eta=3, seed=0)
    >>> [(b["n"], b["budget"]) for b in search.brackets]
    [([9, 3, 1], [1, 3, 9]), ([5, 1], [3, 9]), ([3], [9])]
    >>> len(search.run(lambda config, budget: -abs(config["x"] - 0.5), progress=False))
    22
    """

    def __init__(self, space: Space, max_budget=27, eta: int = 3, min_budget=1, n_iterations: int | None = 1,
                 direction: str = "maximize", seed=None):
        Search.__init__(self, space, direction=direction, seed=seed)
        self._setup(hyperband_brackets(max_budget, eta, min_budget), eta, n_iterations)
