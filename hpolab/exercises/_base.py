"""Feedback for notebook exercises: a clear verdict, what is wrong, and a hint."""

from __future__ import annotations

import html

__all__ = ["Feedback", "correct", "not_yet"]


class Feedback:
    """The outcome of an exercise check; shows as one short paragraph in a notebook.

    Attributes
    ----------
    passed : bool
    message : str
        What is right, or what is wrong.
    hint : str
        A nudge towards the answer (only when not passed).
    """

    def __init__(self, passed: bool, message: str, hint: str = ""):
        self.passed, self.message, self.hint = passed, message, hint

    def __bool__(self) -> bool:
        return self.passed

    def __repr__(self) -> str:
        if self.passed:
            return f"Correct! {self.message}"
        return f"Not yet: {self.message}" + (f"\nHint: {self.hint}" if self.hint else "")

    def _repr_html_(self) -> str:
        color = "#009E73" if self.passed else "#D55E00"
        body = html.escape(repr(self)).replace("\n", "<br>")
        return f'<div style="border-left: 4px solid {color}; padding-left: 8px">{body}</div>'


def correct(message: str) -> Feedback:
    """A passed check."""
    return Feedback(True, message)


def not_yet(message: str, hint: str = "") -> Feedback:
    """A failed check, with what is wrong and a hint."""
    return Feedback(False, message, hint)
