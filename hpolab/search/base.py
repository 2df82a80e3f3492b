"""What every search method shares: the ask/tell protocol and the run loop.

A method subclasses :class:`Search` and implements one thing, ``_propose()``:
which configuration (and, for multi-fidelity methods, which budget) to try next.
Methods that learn from results (Bayesian optimization, successive halving) also
override ``_observe(trial)``. Everything else lives here, once:

* ``ask()`` hands out a :class:`~hpolab.trial.Trial`; it may be called again before
  earlier trials are told (trials can run in parallel).
* ``tell(trial, score)`` records the result. A score that is NaN, infinite or not a
  number, or an ``error=...``, makes a *failed* trial; the search goes on.
* ``run(objective, ...)`` is the loop around ask/tell, with a trial or time limit,
  failure handling, a progress bar, and Ctrl-C that stops the loop but keeps every
  finished trial.
"""

from __future__ import annotations

import math
import sys
import time
import warnings
from numbers import Real
from typing import Any, Callable

import numpy as np

from ..space import Space
from ..trial import History, Trial

__all__ = ["Search", "SearchExhausted"]


class SearchExhausted(Exception):
    """Raised by ``ask()`` when a method has nothing left to propose (a finished grid)."""


class Search:
    """Base class of every search method.

    Parameters
    ----------
    space : Space
        What to search over.
    direction : {"maximize", "minimize"}, default "maximize"
        Whether the objective's score should be made large (accuracy) or small (loss).
    seed : int, numpy.random.Generator or None
        Source of randomness; the same seed gives the same trials.
    """

    def __init__(self, space: Space, direction: str = "maximize", seed=None):
        if not isinstance(space, Space):
            raise ValueError(f"space must be an hpolab Space, got {type(space).__name__}; "
                             "build one with Space(name=Float(...), ...).")
        self.space = space
        self.history = History(direction)
        self.direction = direction
        self.rng = np.random.default_rng(seed)
        self.pending: dict[int, Trial] = {}
        self._n_asked = 0

    def __repr__(self):
        return f"{type(self).__name__}({len(self.history)} trials told, {len(self.pending)} pending)"

    # -- what a method implements -------------------------------------------------
    def _propose(self):
        """Return the next config, or ``(config, budget)`` or ``(config, budget, info)``."""
        raise NotImplementedError

    def _observe(self, trial: Trial) -> None:
        """Learn from a finished trial (ok or failed). The default learns nothing."""

    # -- the protocol --------------------------------------------------------------
    def ask(self) -> Trial:
        """Propose the next trial to evaluate.

        Raises
        ------
        SearchExhausted
            When the method has nothing left to try.
        """
        proposal = self._propose()
        config, budget, info = (proposal + (None, None))[:3] if isinstance(proposal, tuple) \
            else (proposal, None, None)
        trial = Trial(number=self._n_asked, config=dict(config), budget=budget, info=dict(info or {}))
        self._n_asked += 1
        self.pending[trial.number] = trial
        return trial

    def tell(self, trial: Trial | int, score: Any = None, *, error: str | None = None,
             duration: float | None = None) -> Trial:
        """Record the result of a trial handed out by :meth:`ask`.

        Parameters
        ----------
        trial : Trial or int
            The trial (or its number).
        score : float
            The objective's value. NaN, inf or a non-number makes the trial failed.
        error : str, optional
            Mark the trial failed with this reason instead of giving a score.
        duration : float, optional
            Seconds the evaluation took.

        Returns
        -------
        Trial
            The finished trial, now in ``history``.
        """
        number = trial if isinstance(trial, (int, np.integer)) else trial.number
        if number not in self.pending:
            told = any(t.number == number for t in self.history)
            raise ValueError(f"trial {number} was already told." if told else
                             f"trial {number} was never asked for; call ask() first.")
        trial = self.pending.pop(number)
        if duration is not None:
            trial.duration = float(duration)
        if error is None:
            error = _score_problem(score)
        if error is None:
            trial.score, trial.status = float(score), "ok"
        else:
            trial.score, trial.status, trial.error = None, "failed", error
        self.history.add(trial)
        self._observe(trial)
        return trial

    @property
    def best(self) -> Trial | None:
        """The best finished trial so far (None before the first success)."""
        return self.history.best()

    # -- the loop ------------------------------------------------------------------
    def run(self, objective: Callable, n_trials: int | None = None, time_limit: float | None = None,
            progress: bool = True) -> History:
        """Ask, evaluate, tell, until ``n_trials`` or ``time_limit`` seconds or the method is done.

        Parameters
        ----------
        objective : callable
            ``objective(config) -> score``, or ``objective(config, budget) -> score``
            for methods that give budgets. An exception or a NaN score fails that
            trial; the search goes on and the error is kept in the trial. An objective
            that continues training from a checkpoint may set ``last_budget_spent`` to
            what its latest call really cost; it goes to ``trial.info["budget_spent"]``.
        n_trials : int, optional
            How many trials to run in this call.
        time_limit : float, optional
            Stop asking for new trials after this many seconds.
        progress : bool, default True
            Show a progress bar (a widget in notebooks, a line in terminals).

        Returns
        -------
        History
            Every trial told so far. Ctrl-C stops the loop and returns it too.
        """
        _check_objective(objective)
        if n_trials is not None and (not isinstance(n_trials, (int, np.integer)) or n_trials < 0):
            raise ValueError(f"n_trials must be a whole number >= 0, got {n_trials!r}.")
        if n_trials is None and time_limit is None and not getattr(self, "finite", False):
            raise ValueError(f"{type(self).__name__} never runs out of trials: give n_trials=... "
                             "or time_limit=... (seconds).")
        bar = _Progress(n_trials, enabled=progress)
        start, done, failures = time.perf_counter(), 0, 0
        try:
            while n_trials is None or done < n_trials:
                if time_limit is not None and time.perf_counter() - start >= time_limit:
                    break
                try:
                    trial = self.ask()
                except SearchExhausted:
                    break
                t0 = time.perf_counter()
                try:
                    args = (trial.config.copy(),) if trial.budget is None else (trial.config.copy(), trial.budget)
                    score, error = objective(*args), None
                    spent = getattr(objective, "last_budget_spent", None)  # a checkpointing objective
                    if trial.budget is not None and spent is not None:      # says what the call cost
                        trial.info["budget_spent"] = spent
                except KeyboardInterrupt:
                    self.pending.pop(trial.number, None)  # unfinished: not recorded
                    raise
                except Exception as exc:  # a failing objective fails one trial, not the search
                    score, error = None, f"{type(exc).__name__}: {exc}"
                told = self.tell(trial, score, error=error, duration=time.perf_counter() - t0)
                done += 1
                if not told.ok:
                    failures += 1
                    if failures == 1:
                        warnings.warn(f"trial {told.number} failed ({told.error}); the search goes on. "
                                      "See history.failed for every failure.", stacklevel=2)
                bar.update(done, self.history)
        except KeyboardInterrupt:
            print(f"Interrupted: stopped after {len(self.history)} finished trials; they are all kept "
                  "in search.history.", file=sys.stderr)
        finally:
            bar.close()
        return self.history


def _score_problem(score) -> str | None:
    """Why ``score`` cannot be used as a score, or None if it can."""
    if isinstance(score, (bool, np.bool_)) or not isinstance(score, (Real, np.number)):
        if isinstance(score, np.ndarray) and score.size == 1:
            return _score_problem(score.item())
        return f"objective returned {score!r} ({type(score).__name__}), not a number"
    if not math.isfinite(float(score)):
        return f"objective returned {float(score)}"
    return None


def _check_objective(objective) -> None:
    if not callable(objective):
        raise ValueError(f"objective must be a function objective(config) -> score, got {objective!r}.")


class _Progress:
    """A progress bar: an ipywidgets bar in a notebook, a carriage-return line in a terminal."""

    def __init__(self, total: int | None, enabled: bool = True):
        self.total, self.widget, self.terminal = total, None, False
        if not enabled:
            return
        try:
            shell = get_ipython().__class__.__name__  # type: ignore[name-defined]  # noqa: F821
        except NameError:
            shell = None
        if shell == "ZMQInteractiveShell":
            import ipywidgets
            from IPython.display import display

            self.bar = ipywidgets.IntProgress(min=0, max=total or 1, description="trials")
            self.label = ipywidgets.HTML()
            self.widget = ipywidgets.HBox([self.bar, self.label])
            display(self.widget)
        else:
            self.terminal = sys.stderr.isatty()

    def update(self, done: int, history: History) -> None:
        best = history.best()
        text = f"{done}{'/' + str(self.total) if self.total else ''} trials"
        text += f", best {best.score:.4g}" if best else ""
        text += f", {len(history.failed)} failed" if history.failed else ""
        if self.widget is not None:
            self.bar.max = self.total or max(done, 1)
            self.bar.value = done
            self.label.value = text
        elif self.terminal:
            print("\r" + text, end="", file=sys.stderr, flush=True)

    def close(self) -> None:
        if self.terminal:
            print(file=sys.stderr)
