"""Exercise checks for lesson 00."""

from __future__ import annotations

from ._base import Feedback, correct, not_yet

__all__ = ["check_largest_converging_learning_rate"]

_OPTIONS = [0.01, 0.03, 0.1, 0.3, 0.5, 0.9, 1.0, 1.1]


def check_largest_converging_learning_rate(learning_rate: float) -> Feedback:
    """Check the largest slider learning rate for which gradient descent on w**2 still converges.

    On f(w) = w**2 each step multiplies w by (1 - 2 * learning_rate), so training converges
    exactly when |1 - 2 * learning_rate| < 1.
    """
    if learning_rate not in _OPTIONS:
        return not_yet(f"{learning_rate!r} is not one of the slider's values {_OPTIONS}.",
                       "Pick a value the slider offers.")
    converging = [lr for lr in _OPTIONS if abs(1 - 2 * lr) < 1]
    best = max(converging)
    if learning_rate == best:
        return correct(f"{best} is the largest: each step multiplies w by 1 - 2 x {best} = {1 - 2 * best:.1f}, "
                       "so w shrinks while flipping sign. At 1.0 it flips between +1 and -1 forever.")
    if abs(1 - 2 * learning_rate) >= 1:
        return not_yet(f"with learning rate {learning_rate} training does not converge.",
                       "Look at |w| after 10 steps in the text under the figure: it should get smaller than 1.")
    return not_yet(f"{learning_rate} converges, but a larger learning rate does too.",
                   "Move the slider further right until |w| stops shrinking, then step back once.")
