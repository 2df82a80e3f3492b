"""Figures for search."""

from __future__ import annotations

from ._style import COLORS, METHOD_COLORS, new_figure  # noqa: F401

__all__: list[str] = []
