"""Exercise checks for lesson 02 (grid search)."""

from __future__ import annotations

import numpy as np

from ._base import Feedback, correct, not_yet

__all__ = ["check_grid_fits", "check_enough_resolution"]

#: The grid sizes the lesson's resolution slider offers (they fall exactly on the landscape's lattice).
RESOLUTIONS = (2, 3, 4, 5, 6, 7, 11, 13, 16, 21, 31)


def check_grid_fits(answer) -> Feedback:
    """Exercise 1: fits of a grid over 4 hyperparameters, 6 values each, with 5-fold cross-validation.

    Examples
    --------
    >>> bool(check_grid_fits(6 ** 4 * 5))
    True
    """
    expected = 6 ** 4 * 5
    if answer is None:
        return not_yet("replace None with your answer, a number of fits.",
                       "Multiply: (values per axis) ** (hyperparameters) x folds.")
    if not isinstance(answer, (int, float)) or isinstance(answer, bool):
        return not_yet(f"give a number, got {answer!r}.", "Multiply: (values per axis) ** (hyperparameters) x folds.")
    if answer == expected:
        return correct(f"{expected:,} fits: 1,296 configurations, each trained once per fold.")
    if answer == 6 ** 4:
        return not_yet("that is the number of configurations, not of fits.",
                       "Cross-validation trains every configuration once per fold.")
    if answer == 4 ** 6 * 5 or answer == 4 ** 6:
        return not_yet("the exponent and the base are swapped.",
                       "Each of the 4 axes multiplies the count by its 6 values: 6 x 6 x 6 x 6.")
    if answer in (6 * 4 * 5, 6 * 4):
        return not_yet("a grid multiplies, it does not add up the axes.",
                       "Every value of one axis is combined with every value of all the others.")
    return not_yet(f"{answer} is not it.", "Use hpolab.search_math.grid_fits(4, 6, folds=5) to check yourself.")


def _smallest_resolution(tolerance: float) -> int:
    from ..benchmarks.landscapes import load_svc_landscape
    from ..search_math import grid_lattice_indices

    land = load_svc_landscape()
    best = land.best()[1]
    for n in RESOLUTIONS:
        idx = grid_lattice_indices(len(land.C), n)
        if land.scores[np.ix_(idx, idx)].max() >= best - tolerance - 1e-12:
            return n
    return RESOLUTIONS[-1]


def check_enough_resolution(n_per_axis) -> Feedback:
    """Exercise 2: the smallest grid (values per axis, from the slider) that finds the landscape's best score."""
    expected = _smallest_resolution(0.0)
    if n_per_axis not in RESOLUTIONS:
        return not_yet(f"{n_per_axis!r} is not one of the slider's values {list(RESOLUTIONS)}.",
                       "Move the 'values / axis' slider of the grid-resolution widget.")
    if n_per_axis == expected:
        return correct(f"{expected} x {expected} = {expected ** 2} fits to find the best accuracy of this "
                       "2-D landscape; coarser grids step over the small best region.")
    if n_per_axis > expected:
        return not_yet(f"{n_per_axis} values per axis works, but a smaller grid does too.",
                       "Try the slider values below it and compare the grid's best with the landscape's best.")
    return not_yet(f"with {n_per_axis} values per axis the grid's best is still below the landscape's best.",
                   "Read the widget's text: it prints both accuracies.")
