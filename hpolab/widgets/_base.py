"""The one pattern every hpolab widget follows: controls -> pure compute -> figure.

An :class:`Explorer` subclass declares

* ``controls()``: a dict of named ipywidgets controls (sliders, dropdowns, ...);
* ``compute(**values)``: a pure function of the control values that returns a result
  (numbers, arrays); tests and benchmarks call it directly;
* ``draw(result)``: a matplotlib Figure from the result (via :mod:`hpolab.plots`);
* optionally ``describe(result)``: a short HTML text shown under the figure, and
  ``layout_key(result)`` when one explorer draws figures of different shapes.

Moving a control calls :meth:`Explorer.update`, which recomputes, redraws into an
image widget (PNG bytes) and updates the text. ``explorer.result`` always holds the
latest result, so a headless test can set ``explorer.controls_by_name[...].value``
and assert on it.
"""

from __future__ import annotations

import html
import time
from typing import Any

__all__ = ["Explorer"]

#: Style of live figures. Titles sit at the top of their axes: no figure here has ticks on top, and
#: placing titles automatically measures every tick label of the axes on each redraw.
_LIVE_STYLE = {"axes.titley": 1.0}

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
    dpi: int = 100
    #: Redraw into the same Figure and Axes, wiped (see :func:`hpolab.plots.reusing_figures`).
    reuse_figures: bool = True

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        REGISTRY.append(cls)

    def __init__(self, **initial: Any):
        import ipywidgets as w

        self.controls_by_name: dict[str, Any] = self.controls()
        for control in self.controls_by_name.values():
            if hasattr(control, "style") and hasattr(control.style, "description_width"):
                control.style.description_width = "initial"  # never cut a control's label short
        for name, value in initial.items():
            if name not in self.controls_by_name:
                raise ValueError(f"{type(self).__name__} has no control {name!r}; "
                                 f"it has {sorted(self.controls_by_name)}.")
            self.controls_by_name[name].value = value
        # Natural pixel size (sharp), shrunk only when the page is narrower than the figure.
        self.image = w.Image(format="png", layout=w.Layout(max_width="100%", height="auto",
                                                           align_self="flex-start"))
        self.text = w.HTML()
        self.result: Any = None
        self._layouts: dict[Any, list] = {}
        self._figures: dict[Any, dict] = {}
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

    def layout_key(self, result: Any) -> Any:
        """Which figure shape this result gives; results with the same key share one layout."""
        return None

    # -- shared mechanics -------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        """Current value of every control, by name."""
        return {name: control.value for name, control in self.controls_by_name.items()}

    def update(self, change=None) -> Any:
        """Recompute from the controls, redraw, and return the new result."""
        import matplotlib

        from ..plots import figure_png, reusing_figures

        start = time.perf_counter()
        try:
            result = self.compute(**self.values())
            key = self.layout_key(result)
            pool = self._figures.setdefault(key, {}) if self.reuse_figures else None
            with matplotlib.rc_context(_LIVE_STYLE), reusing_figures(pool):
                figure = self._steady_layout(self.draw(result), key)
            for ax in figure.axes:
                ax.minorticks_off()  # on log axes, minor ticks cost a third of a redraw and add little
            png, text = figure_png(figure, dpi=self.dpi, compress_level=1), self.describe(result)
        except Exception as exc:
            # In JupyterLab an error in a slider's callback goes to a hidden log: say it on the widget too.
            self.text.value = (f'<span style="color:#D55E00"><b>These settings could not be shown</b> '
                               f'({html.escape(type(exc).__name__)}: {html.escape(str(exc))}). '
                               f'The figure above is from the previous settings.</span>')
            raise
        self.result, self.image.value, self.text.value = result, png, text
        self.last_update_seconds = time.perf_counter() - start
        return self.result

    def _steady_layout(self, figure, key):
        """Lay a figure out once per shape, then reuse the axes positions on every redraw.

        Constrained layout costs about a third of a redraw, and while sliders move an
        explorer's figure keeps its shape; a steady layout also stops the axes jumping.
        """
        key = (key, len(figure.axes))
        if key not in self._layouts:
            engine = figure.get_layout_engine()
            if engine is not None:
                engine.execute(figure)
            self._layouts[key] = [ax.get_position() for ax in figure.axes]
        for ax, position in zip(figure.axes, self._layouts[key]):
            ax.set_position(position)
        figure.set_layout_engine(None)  # "none" would still make savefig draw twice
        return figure

    def _ipython_display_(self):
        from IPython.display import display

        display(self.widget)
