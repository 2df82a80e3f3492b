"""The one pattern every hpolab widget follows: controls -> pure compute -> figure.

An :class:`Explorer` subclass declares

* ``controls()``: a dict of named ipywidgets controls (sliders, dropdowns, ...);
* ``compute(**values)``: a pure function of the control values that returns a result
  (numbers, arrays); tests and benchmarks call it directly;
* ``draw(result)``: a matplotlib Figure from the result (via :mod:`hpolab.plots`);
* optionally ``describe(result)``: a short HTML text shown under the figure.

Moving a control calls :meth:`Explorer.update`, which recomputes, redraws into an
image widget (PNG bytes) and updates the text. ``explorer.result`` always holds the
latest result, so a headless test can set ``explorer.controls_by_name[...].value``
and assert on it.
"""

from __future__ import annotations

import time
from typing import Any

__all__ = ["Explorer"]

#: Every Explorer subclass, for the widget benchmark (``python -m hpolab.benchmarks.widgets``).
REGISTRY: list[type] = []


class Explorer:
    """Base class of the interactive figures in the notebooks.

    Parameters
    ----------
    **initial
        Starting values for controls, by name.
    """

    title: str = ""
    dpi: int = 80

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        REGISTRY.append(cls)

    def __init__(self, **initial: Any):
        import ipywidgets as w

        self.controls_by_name: dict[str, Any] = self.controls()
        for name, value in initial.items():
            if name not in self.controls_by_name:
                raise ValueError(f"{type(self).__name__} has no control {name!r}; "
                                 f"it has {sorted(self.controls_by_name)}.")
            self.controls_by_name[name].value = value
        self.image = w.Image(format="png", layout=w.Layout(max_width="100%", height="auto"))
        self.text = w.HTML()
        self.result: Any = None
        self.last_update_seconds = 0.0
        self.update()
        for control in self.controls_by_name.values():
            control.observe(self.update, names="value")
        header = [w.HTML(f"<b>{self.title}</b>")] if self.title else []
        self.widget = w.VBox(header + [w.HBox(list(self.controls_by_name.values()),
                                              layout=w.Layout(flex_flow="row wrap")),
                                       self.image, self.text])
        # A stable CSS hook, so the real-browser test can find every explorer on a page.
        self.widget.add_class("hpolab-explorer")

    # -- subclasses implement -------------------------------------------------------
    def controls(self) -> dict[str, Any]:
        """Named ipywidgets controls, in display order."""
        raise NotImplementedError

    def compute(self, **values: Any) -> Any:
        """The result for these control values. Pure: no widgets, no drawing."""
        raise NotImplementedError

    def draw(self, result: Any):
        """A matplotlib Figure of the result."""
        raise NotImplementedError

    def describe(self, result: Any) -> str:
        """A short HTML text under the figure (empty by default)."""
        return ""

    # -- shared mechanics -------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        """Current value of every control, by name."""
        return {name: control.value for name, control in self.controls_by_name.items()}

    def update(self, change=None) -> Any:
        """Recompute from the controls, redraw, and return the new result."""
        from ..plots import figure_png

        start = time.perf_counter()
        self.result = self.compute(**self.values())
        self.image.value = figure_png(self.draw(self.result), dpi=self.dpi)
        self.text.value = self.describe(self.result)
        self.last_update_seconds = time.perf_counter() - start
        return self.result

    def _ipython_display_(self):
        from IPython.display import display

        display(self.widget)
