"""Shared look of every hpolab figure: colour-blind-safe colours and a figure factory."""

from __future__ import annotations

import contextlib
import contextvars

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

# Okabe-Ito palette: distinguishable with the common colour-vision deficiencies.
COLORS = {
    "blue": "#0072B2", "orange": "#E69F00", "green": "#009E73", "vermillion": "#D55E00",
    "sky": "#56B4E9", "purple": "#CC79A7", "yellow": "#F0E442", "black": "#000000", "grey": "#999999",
}
#: Method -> colour, used by every comparison figure so a method keeps its colour across lessons.
METHOD_COLORS = {
    "grid": COLORS["vermillion"], "random": COLORS["blue"], "sobol": COLORS["sky"],
    "bayes": COLORS["green"], "successive halving": COLORS["purple"], "hyperband": COLORS["orange"],
    "manual": COLORS["black"],
}


def new_figure(nrows: int = 1, ncols: int = 1, width: float = 6.4, height: float = 4.0, mosaic=None, **kwargs):
    """A Figure and its axes, not registered with pyplot (so it never leaks or double-displays).

    Inside :func:`reusing_figures` (as every widget redraw is), a figure of the same shape made
    earlier is handed back, wiped, instead of a new one.

    Parameters
    ----------
    nrows, ncols : int, default 1
        Grid of subplots (ignored when ``mosaic`` is given).
    width, height : float
        Size in inches.
    mosaic : list of list of str, optional
        A named layout for :meth:`~matplotlib.figure.Figure.subplot_mosaic`; ``"."`` leaves a cell empty.
    **kwargs
        Passed on to ``subplots`` or ``subplot_mosaic`` (``sharex``, ``width_ratios``, ...).

    Returns
    -------
    fig : matplotlib.figure.Figure
    axes : Axes, array of Axes, or dict of name to Axes (with ``mosaic``)

    Examples
    --------
    >>> fig, (left, right) = new_figure(1, 2, width=8)
    >>> fig, axes = new_figure(mosaic=[["map", "colorbar"]], width_ratios=[1, 0.05])
    >>> sorted(axes)
    ['colorbar', 'map']
    """
    pool = _POOL.get()
    key = (nrows, ncols, width, height, repr(mosaic), repr(sorted(kwargs.items())))
    if pool is not None and key in pool:
        fig, axes, subplots = pool[key]
        _wipe(fig, subplots)
        return fig, axes
    fig = Figure(figsize=(width, height), layout="constrained")
    FigureCanvasAgg(fig)  # its own canvas keeps one renderer, whose text-size cache then serves every redraw
    if mosaic is None:
        axes = fig.subplots(nrows, ncols, squeeze=True, **kwargs)
    else:
        axes = fig.subplot_mosaic(mosaic, **kwargs)
    if pool is not None:
        pool[key] = (fig, axes, list(fig.axes))
    return fig, axes


def fixed_margins(fig: Figure, **margins) -> None:
    """Hand-set margins (``left``, ``right``, ``top``, ``bottom``, ``wspace``, ``hspace``) instead of
    constrained layout: 3-5 times faster to draw, for figures that live widgets redraw."""
    fig.set_layout_engine(None)  # None, not "none": a placeholder engine still makes savefig draw twice
    fig.subplots_adjust(**margins)


_POOL: contextvars.ContextVar = contextvars.ContextVar("hpolab_figure_pool", default=None)


@contextlib.contextmanager
def reusing_figures(pool: dict):
    """Within this block, :func:`new_figure` hands back a wiped figure of ``pool`` when one of the same shape exists.

    A live widget redraws the same figure shape over and over; wiping the artists but keeping the
    figure, its axes and their ticks saves creating them again (a third of a redraw).
    The wipe removes artists, legends, added axes (colorbars), titles and axis labels, and resets
    scales (so locators and formatters), inversion and limits. A plotting function that changes other
    axes state (tick parameters, grids, aspect) must set it the same way on every call;
    ``tests/test_figure_reuse.py`` checks every widget draws the same pixels as on a fresh figure.

    Parameters
    ----------
    pool : dict or None
        Figures kept by shape, filled as they are first made; ``None`` turns reuse off.
    """
    token = _POOL.set(pool)
    try:
        yield
    finally:
        _POOL.reset(token)


def _wipe(fig: Figure, keep: list) -> None:
    """Remove everything a plotting function drew, keeping the subplots ``keep`` and their ticks."""
    for ax in list(fig.axes):
        if ax not in keep:
            ax.remove()  # colorbars and other added axes are drawn again
    for artist in list(fig.texts) + list(fig.legends):
        artist.remove()
    if fig.get_suptitle():
        fig.suptitle("")
    for ax in keep:
        for artist in (list(ax.lines) + list(ax.collections) + list(ax.images) + list(ax.patches)
                       + list(ax.texts) + list(ax.artists) + list(ax.tables)):
            artist.remove()
        if ax.legend_ is not None:
            ax.legend_.remove()
        for loc in ("left", "center", "right"):
            if ax.get_title(loc):
                ax.set_title("", loc=loc)
        ax.set_xlabel("")
        ax.set_ylabel("")
        for axis, set_scale in ((ax.xaxis, ax.set_xscale), (ax.yaxis, ax.set_yscale)):
            if axis.get_scale() != "linear":  # reset only what changed: each reset costs a millisecond
                set_scale("linear")
            if axis.get_inverted():
                axis.set_inverted(False)
        ax.set_autoscale_on(True)
        ax.relim()  # no artists left: the data limits start afresh from what is drawn next


def figure_png(fig: Figure, dpi: int = 80, compress_level: int = 6) -> bytes:
    """Render a Figure to PNG bytes (what a notebook or an image widget shows).

    Parameters
    ----------
    fig : matplotlib.figure.Figure
    dpi : int, default 80
        Pixels per inch.
    compress_level : int, default 6
        zlib level, 0-9: live widgets use 1, which is faster and gives files about 8 % larger.
    """
    import io

    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, pil_kwargs={"compress_level": compress_level})
    return buffer.getvalue()


def _show_figures_in_notebooks() -> None:
    """Let a bare Figure at the end of a notebook cell display as a picture, without pyplot."""
    try:
        from IPython import get_ipython
    except ImportError:
        return
    shell = get_ipython()
    if shell is not None:
        shell.display_formatter.formatters["image/png"].for_type(Figure, lambda fig: figure_png(fig, dpi=90))


_show_figures_in_notebooks()
