"""Trials and the history of a search.

A :class:`Trial` is one evaluation: a configuration, the budget it was given,
the score it got (or the error it raised) and how long it took. A :class:`History`
keeps every trial of a search in the order they finished, knows the best one, and
saves to / loads from plain JSON (no pickle, so a saved run can be read anywhere).
"""

from __future__ import annotations

import json
import math
import os
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np

__all__ = ["Trial", "History"]

STATUSES = ("pending", "ok", "failed")


@dataclass
class Trial:
    """One evaluation of the objective.

    Attributes
    ----------
    number : int
        Position in the order the search asked for trials (0, 1, 2, ...).
    config : dict
        The hyperparameter values.
    budget : float or None
        Training budget (epochs, samples, ...) for multi-fidelity methods; None otherwise.
    score : float or None
        The objective's value; None until told, and for failed trials.
    status : {"pending", "ok", "failed"}
    error : str or None
        Why a failed trial failed (the exception, or "objective returned nan").
    duration : float
        Seconds spent in the objective.
    info : dict
        Method-specific notes (for example the Hyperband bracket and round).
    """

    number: int
    config: dict[str, Any]
    budget: float | None = None
    score: float | None = None
    status: str = "pending"
    error: str | None = None
    duration: float = 0.0
    info: dict[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """True when the trial finished with a finite score."""
        return self.status == "ok"

    def to_dict(self) -> dict[str, Any]:
        """The trial as a plain, JSON-serialisable dict."""
        return _plain(asdict(self))


def _plain(value):
    """Convert NumPy scalars/arrays (and nested containers) to plain Python for JSON."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, np.ndarray):
        return _plain(value.tolist())
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


class History:
    """Every finished trial of a search, in the order they finished.

    Parameters
    ----------
    direction : {"maximize", "minimize"}
        Whether higher or lower scores are better.

    Examples
    --------
    >>> h = History("maximize")
    >>> h.add(Trial(0, {"C": 1.0}, score=0.9, status="ok"))
    >>> h.add(Trial(1, {"C": 10.0}, score=0.95, status="ok"))
    >>> h.best().config
    {'C': 10.0}
    >>> h.best_so_far().tolist()
    [0.9, 0.95]
    """

    def __init__(self, direction: str = "maximize"):
        if direction not in ("maximize", "minimize"):
            raise ValueError(f"direction must be 'maximize' or 'minimize', got {direction!r}.")
        self.direction = direction
        self.trials: list[Trial] = []

    def __len__(self) -> int:
        return len(self.trials)

    def __iter__(self):
        return iter(self.trials)

    def __getitem__(self, i) -> Trial:
        return self.trials[i]

    def __repr__(self):
        best = self.best()
        best_text = f", best score {best.score:.4g}" if best else ""
        return f"<History: {len(self)} trials ({len(self.failed)} failed){best_text}>"

    def add(self, trial: Trial) -> None:
        """Append a finished trial."""
        if trial.status not in ("ok", "failed"):
            raise ValueError(f"only finished trials go into a History, got status {trial.status!r}.")
        self.trials.append(trial)

    @property
    def ok(self) -> list[Trial]:
        """Trials that finished with a score."""
        return [t for t in self.trials if t.ok]

    @property
    def failed(self) -> list[Trial]:
        """Trials whose objective raised or returned a non-finite value."""
        return [t for t in self.trials if t.status == "failed"]

    def _better(self, a: float, b: float) -> bool:
        return a > b if self.direction == "maximize" else a < b

    def best(self, budget: float | None = None) -> Trial | None:
        """The best successful trial (optionally among those at one budget); None if there is none.

        Ties go to the earlier trial.
        """
        best = None
        for t in self.ok:
            if budget is not None and t.budget != budget:
                continue
            if best is None or self._better(t.score, best.score):
                best = t
        return best

    def scores(self) -> np.ndarray:
        """Score of every trial, NaN for failed ones."""
        return np.array([t.score if t.ok else np.nan for t in self.trials], dtype=float)

    def best_so_far(self) -> np.ndarray:
        """Best score after each trial (NaN until the first success)."""
        out, best = [], np.nan
        for s in self.scores():
            if not np.isnan(s) and (np.isnan(best) or self._better(s, best)):
                best = s
            out.append(best)
        return np.array(out, dtype=float)

    def budgets(self) -> np.ndarray:
        """Budget of every trial (1 when a trial had no budget)."""
        return np.array([1.0 if t.budget is None else t.budget for t in self.trials], dtype=float)

    def cumulative_budget(self) -> np.ndarray:
        """Total budget spent after each trial, for curves against compute."""
        spent = [t.info.get("budget_spent", 1.0 if t.budget is None else t.budget) for t in self.trials]
        return np.cumsum(np.asarray(spent, dtype=float))

    def records(self) -> list[dict[str, Any]]:
        """Every trial as a plain dict (nested ``config``), ready for JSON."""
        return [t.to_dict() for t in self.trials]

    def to_table(self) -> dict[str, list]:
        """Column table, one column per field and per hyperparameter.

        ``pandas.DataFrame(history.to_table())`` gives a DataFrame.
        """
        names: list[str] = []
        for t in self.trials:
            names += [k for k in t.config if k not in names]
        table: dict[str, list] = {k: [] for k in ["number", "status", "score", "budget", "duration", "error"]}
        table.update({name: [] for name in names})
        for t in self.trials:
            for k in ["number", "status", "score", "budget", "duration", "error"]:
                table[k].append(getattr(t, k))
            for name in names:
                table[name].append(t.config.get(name))
        return table

    def to_frame(self):
        """The history as a pandas DataFrame (needs pandas)."""
        import pandas as pd

        return pd.DataFrame(self.to_table())

    def save(self, path: str | os.PathLike) -> None:
        """Write the history to a JSON file (written to a temporary file first, then moved)."""
        data = {"format": "hpolab.History", "version": 1, "direction": self.direction,
                "trials": self.records()}
        tmp = f"{os.fspath(path)}.tmp"
        with open(tmp, "w", encoding="utf-8") as f:
            json.dump(data, f, indent=1, allow_nan=False)
        os.replace(tmp, path)

    @classmethod
    def load(cls, path: str | os.PathLike) -> "History":
        """Read a history written by :meth:`save`."""
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        if data.get("format") != "hpolab.History":
            raise ValueError(f"{os.fspath(path)} is not a saved hpolab History.")
        history = cls(data["direction"])
        for record in data["trials"]:
            history.add(Trial(**record))
        return history
