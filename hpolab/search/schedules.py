"""Budget schedules of successive halving and Hyperband: pure integer arithmetic, no search.

A *schedule* says, round by round, how many configurations run and with what budget.
Both functions here return the same shape, a dict ``{"n": [...], "budget": [...]}``
(Hyperband returns one per bracket, plus the bracket index ``"s"``), so the searches
in :mod:`hpolab.search.hyperband`, the plots and the tests all read one format.

Rounding rules (the paper leaves room for several; these reproduce its table):

* ``s_max = floor(log_eta(R))`` is computed with integers, as the largest ``s`` with
  ``eta**s <= R``. In floating point ``math.log(243, 3)`` is 4.999..., so
  ``floor`` would give 4 instead of 5 and silently drop the most aggressive bracket.
* Bracket ``s`` starts ``n = ceil((s_max + 1) / (s + 1) * eta**s)`` configurations, rounded
  *up* so that every bracket spends at least the budget of the others (about ``(s_max+1) R``).
* Round ``i`` keeps ``n_i = floor(n / eta**i)`` configurations, rounded *down* (Li et al.,
  Algorithm 1): a survivor must be in the top ``1/eta``, never "almost" in it.
"""

from __future__ import annotations

from fractions import Fraction
from numbers import Real

__all__ = ["integer_log", "hyperband_brackets", "successive_halving_schedule", "halving_schedule",
           "schedule_budget", "format_brackets"]


def integer_log(x, base: int) -> int:
    """The largest whole ``k`` with ``base**k <= x``: ``floor(log_base(x))`` without rounding errors.

    Examples
    --------
    >>> integer_log(243, 3), integer_log(242, 3), integer_log(1, 2)
    (5, 4, 0)
    """
    if not isinstance(base, int) or base < 2:
        raise ValueError(f"the base (eta) must be a whole number >= 2, got {base!r}.")
    if Fraction(x) < 1:
        raise ValueError(f"need x >= 1 for a number of halvings, got {x!r}.")
    k = 0
    while Fraction(base) ** (k + 1) <= Fraction(x):
        k += 1
    return k


def _plain(value: Fraction):
    """An int when the budget is whole (81), else a float (10/9 -> 1.111...)."""
    return int(value) if value.denominator == 1 else float(value)


def _check(max_budget, eta, min_budget):
    for name, value in (("max_budget", max_budget), ("min_budget", min_budget)):
        if isinstance(value, bool) or not isinstance(value, Real) or not value > 0:
            raise ValueError(f"{name} must be a positive number, got {value!r}.")
    if not isinstance(eta, int) or isinstance(eta, bool) or eta < 2:
        raise ValueError(f"eta must be a whole number >= 2 (3 is usual), got {eta!r}.")
    if min_budget > max_budget:
        raise ValueError(f"min_budget ({min_budget}) must not exceed max_budget ({max_budget}); swap them.")


def hyperband_brackets(max_budget, eta: int = 3, min_budget=1) -> list[dict]:
    """The brackets of Hyperband (Li et al., 2018): who runs with what budget, round by round.

    Parameters
    ----------
    max_budget : number
        ``R``, the most budget (epochs, samples) one configuration may get.
    eta : int, default 3
        Each round keeps the best ``1/eta`` of the configurations and gives them ``eta``
        times the budget.
    min_budget : number, default 1
        The unit of budget: ``R`` is measured in multiples of it.

    Returns
    -------
    list of dict
        One dict per bracket, most aggressive first (``s = s_max, ..., 0``), with keys
        ``"s"``, ``"n"`` (configurations in each round) and ``"budget"`` (budget of each
        of them in that round). Budgets are ints when whole.

    Examples
    --------
    >>> [(b["s"], b["n"], b["budget"]) for b in hyperband_brackets(9, 3)]
    [(2, [9, 3, 1], [1, 3, 9]), (1, [5, 1], [3, 9]), (0, [3], [9])]
    """
    _check(max_budget, eta, min_budget)
    R = Fraction(max_budget) / Fraction(min_budget)
    s_max = integer_log(R, eta)
    brackets = []
    for s in range(s_max, -1, -1):
        n = -(-(s_max + 1) * eta**s // (s + 1))  # ceil with integers
        rounds = range(s + 1)
        budget = [_plain(Fraction(max_budget) * Fraction(eta) ** (i - s)) for i in rounds]
        brackets.append({"s": s, "n": [n // eta**i for i in rounds], "budget": budget})
    return brackets


def successive_halving_schedule(n_configs: int | None, min_budget, max_budget, eta: int = 3) -> dict:
    """Rounds of one successive-halving run: budgets ``min_budget * eta**i`` up to ``max_budget``.

    Round ``i`` runs ``floor(n_configs / eta**i)`` configurations (at least 1). This is one
    Hyperband bracket; :func:`halving_schedule` is scikit-learn's variant.

    Parameters
    ----------
    n_configs : int or None
        Configurations in the first round; None gives ``eta**(rounds - 1)``, so exactly one is
        left at the end.
    min_budget, max_budget : number
        Budget of the first round and the cap; the last round gets ``min_budget * eta**k`` with
        the largest ``k`` that stays within ``max_budget``.
    eta : int, default 3

    Returns
    -------
    dict
        ``{"n": [...], "budget": [...]}``, one entry per round.

    Examples
    --------
    >>> successive_halving_schedule(None, 1, 27, 3)
    {'n': [27, 9, 3, 1], 'budget': [1, 3, 9, 27]}
    >>> successive_halving_schedule(10, 2, 20, 2)
    {'n': [10, 5, 2, 1], 'budget': [2, 4, 8, 16]}
    """
    _check(max_budget, eta, min_budget)
    last = integer_log(Fraction(max_budget) / Fraction(min_budget), eta)
    if n_configs is None:
        n_configs = eta**last
    if isinstance(n_configs, bool) or not isinstance(n_configs, int) or n_configs < 1:
        raise ValueError(f"n_configs must be a whole number >= 1, got {n_configs!r}.")
    rounds = range(last + 1)
    return {"n": [max(1, n_configs // eta**i) for i in rounds],
            "budget": [_plain(Fraction(min_budget) * eta**i) for i in rounds]}


def halving_schedule(n_candidates: int, max_resources: int, factor: int = 3, min_resources: int = 1,
                     exhaust: bool = False, aggressive_elimination: bool = False) -> dict:
    """Rounds of scikit-learn's ``HalvingGridSearchCV``, computed without running it.

    Differences from :func:`successive_halving_schedule`: survivors are rounded *up*
    (``ceil(n / factor)``), the number of rounds is what the candidates need to get down to
    one (``1 + floor(log_factor(n_candidates))``) but no more than the resources allow, and
    ``exhaust`` raises the first budget so the last round uses nearly all of ``max_resources``.

    Parameters
    ----------
    n_candidates : int
        Configurations in the first round.
    max_resources : int
        Most resources (samples) a candidate may get.
    factor : int, default 3
        scikit-learn's name for eta.
    min_resources : int, default 1
        Resources of the first round (scikit-learn's ``"smallest"`` is ``2 * n_classes * cv``).
    exhaust : bool, default False
        scikit-learn's ``min_resources="exhaust"``: raise the first budget to
        ``max_resources // factor**(rounds needed - 1)`` when that is larger.
    aggressive_elimination : bool, default False
        Run all the rounds the candidates need, repeating the first budget if resources
        are short.

    Returns
    -------
    dict
        ``{"n": [...], "budget": [...]}``, one entry per round.

    Examples
    --------
    >>> halving_schedule(60, 1000, 3, min_resources=20, exhaust=True)
    {'n': [60, 20, 7, 3], 'budget': [37, 111, 333, 999]}
    """
    needed = 1 + integer_log(n_candidates, factor)
    if exhaust:
        min_resources = max(min_resources, max_resources // factor ** (needed - 1))
    possible = 1 + integer_log(max_resources // min_resources, factor)
    n_rounds = needed if aggressive_elimination else min(needed, possible)
    n, budget = [], []
    for i in range(n_rounds):
        power = max(0, i - needed + possible) if aggressive_elimination else i
        n.append(n_candidates if i == 0 else -(-n[-1] // factor))
        budget.append(min(min_resources * factor**power, max_resources))
    return {"n": n, "budget": budget}


def schedule_budget(schedule: dict) -> float:
    """Total budget of one schedule (or bracket) when every run trains from scratch.

    Examples
    --------
    >>> sum(schedule_budget(b) for b in hyperband_brackets(81, 3))
    1902
    """
    return sum(n * r for n, r in zip(schedule["n"], schedule["budget"]))


def format_brackets(brackets: list[dict]) -> str:
    """The brackets as a text table, rounds down, brackets across (as in the paper).

    Examples
    --------
    >>> print(format_brackets(hyperband_brackets(9, 3)))
    round |   s=2 |   s=1 |   s=0
        0 | 9 @ 1 | 5 @ 3 | 3 @ 9
        1 | 3 @ 3 | 1 @ 9
        2 | 1 @ 9
    """
    def cell(b, i):
        return f"{b['n'][i]} @ {b['budget'][i]:g}" if i < len(b["n"]) else ""

    width = max(len(cell(b, i)) for b in brackets for i in range(len(b["n"])))
    lines = ["round | " + " | ".join(f"s={b['s']}".rjust(width) for b in brackets)]
    for i in range(max(len(b["n"]) for b in brackets)):
        lines.append(f"{i:>5} | " + " | ".join(cell(b, i).rjust(width) for b in brackets))
    return "\n".join(line.rstrip(" |") for line in lines)
