"""Widgets redraw into a reused, wiped figure: it must look exactly like a fresh one."""

import io

import numpy as np
import pytest
from PIL import Image

from hpolab.benchmarks.widget_timing import control_values
from hpolab.plots import new_figure, reusing_figures
from hpolab.widgets import REGISTRY


def _pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)))


@pytest.mark.parametrize("cls", REGISTRY, ids=lambda cls: cls.__name__)
def test_reused_figure_draws_the_same_pixels_as_a_fresh_one(cls):
    reused, fresh = cls(), cls()
    fresh.reuse_figures = False
    fresh._figures.clear()  # its first drawing, in the constructor, was pooled
    moves = 0
    for name, control in reused.controls_by_name.items():
        for value in control_values(control, 2):
            control.value = value
            fresh.controls_by_name[name].value = value
            a, b = _pixels(reused.image.value), _pixels(fresh.image.value)
            assert a.shape == b.shape and np.array_equal(a, b), (
                f"{cls.__name__}: after setting {name}={value!r} the reused figure differs from a fresh one "
                f"in {(a != b).any(axis=-1).sum() if a.shape == b.shape else 'shape'} pixels")
            moves += 1
    assert moves > 0
    assert len(reused._figures) >= 1 and not fresh._figures


def _draw(title, log=False, extra_axes=False):
    fig, ax = new_figure()
    ax.plot([1, 10, 100], [3, 1, 2], label="line")
    ax.set_title(title)
    if log:
        ax.set_xscale("log")
        ax.invert_yaxis()
    if extra_axes:
        fig.colorbar(ax.scatter([1, 2], [1, 2], c=[0, 1]), cax=fig.add_axes((0.9, 0.1, 0.02, 0.8)))
    ax.legend()
    return fig, ax


def test_wipe_keeps_the_figure_and_resets_what_a_drawing_changed():
    pool = {}
    with reusing_figures(pool):
        fig1, ax1 = _draw("first", log=True, extra_axes=True)
        assert len(fig1.axes) == 2
        fig2, ax2 = _draw("second")
    assert fig2 is fig1 and ax2 is ax1 and len(pool) == 1
    assert len(fig2.axes) == 1, "the colorbar axes of the first drawing must be gone"
    assert len(ax2.lines) == 1 and ax2.get_title() == "second"
    assert ax2.get_xscale() == "linear" and not ax2.yaxis_inverted()
    assert ax2.get_xlim()[0] < 1 and ax2.get_ylim()[1] > 3  # limits follow the new data only


def test_new_figure_outside_a_pool_is_always_new():
    assert new_figure()[0] is not new_figure()[0]
    pool = {}
    with reusing_figures(pool):
        small, _ = new_figure(width=3)
        big, _ = new_figure(width=6)  # another shape: another figure
    assert small is not big and len(pool) == 2
