"""Exercise checks for lesson 05."""

from __future__ import annotations

from ._base import Feedback, correct, not_yet  # noqa: F401

__all__: list[str] = []
