"""Explorers for basics."""

from __future__ import annotations

from ._base import Explorer  # noqa: F401

__all__: list[str] = []
