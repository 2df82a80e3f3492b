"""Shared look of every hpolab figure: colour-blind-safe colours and a figure factory."""

from __future__ import annotations


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


def new_figure(nrows: int = 1, ncols: int = 1, width: float = 6.4, height: float = 4.0, **kwargs):
    """A Figure and its axes, not registered with pyplot (so it never leaks or double-displays).

    Returns
    -------
    fig : matplotlib.figure.Figure
    axes : Axes or array of Axes
    """
    fig = Figure(figsize=(width, height), layout="constrained")
    axes = fig.subplots(nrows, ncols, squeeze=True, **kwargs)
    return fig, axes


def figure_png(fig: Figure, dpi: int = 80) -> bytes:
    """Render a Figure to PNG bytes (what a notebook or an image widget shows)."""
    import io

    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi)
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
