"""The widget benchmark is generic over controls and prints one row per widget."""

import ipywidgets as w
import pytest

from hpolab.benchmarks import widget_timing
from hpolab.widgets import REGISTRY, Explorer


@pytest.fixture
def fake_explorer():
    class TinyFakeExplorer(Explorer):
        calls = 0

        def controls(self):
            return {"kind": w.Dropdown(options=[("one", 1), ("two", 2), ("three", 3)], value=1),
                    "x": w.FloatSlider(0.5, min=0, max=1)}

        def compute(self, kind, x):
            type(self).calls += 1
            return {"kind": kind, "x": x}

        def draw(self, result):
            from hpolab.plots import new_figure

            fig, ax = new_figure(width=1, height=1)
            ax.plot([0, result["kind"]])
            return fig

    yield TinyFakeExplorer
    REGISTRY.remove(TinyFakeExplorer)  # keep the registry to the course's real widgets


@pytest.mark.parametrize("control, expected", [
    (w.IntSlider(3, min=1, max=5), [1, 2, 4, 5]),
    (w.FloatSlider(0.0, min=0, max=1, step=0.25), [0.25, 0.5, 0.75, 1.0]),
    (w.SelectionSlider(options=[2, 3, 4], value=3), [2, 4]),
    (w.Dropdown(options=[("a", 10), ("b", 20)], value=10), [20]),
    (w.ToggleButtons(options=["x", "y", "z"], value="x"), ["y", "z"]),
    (w.Checkbox(True), [False]),
    (w.FloatLogSlider(1.0, min=-2, max=2, base=10), [0.01, 0.1, 10.0, 100.0]),
    (w.Text("hello"), []),
    (w.IntRangeSlider(value=(2, 4), min=0, max=9), []),
    (w.SelectionRangeSlider(options=["a", "b", "c"], index=(0, 1)), []),
])
def test_control_values_are_valid_and_new(control, expected):
    values = widget_timing.control_values(control)
    assert values == pytest.approx(expected) if values and isinstance(values[0], float) else values == expected
    for value in values:  # every value can really be set
        control.value = value


def test_time_explorer_moves_every_control_and_back(fake_explorer):
    row = widget_timing.time_explorer(fake_explorer, repeats=2)
    # kind: two other options, then back to the start; x: four other values, then back; twice each
    assert {name: len(times) for name, times in row["controls"].items()} == {"kind": 2 * 3, "x": 2 * 5}
    assert len(row["times"]) == len(row["cpu_times"]) == 16
    assert fake_explorer.calls == 1 + 16  # built once, then one update per move
    assert row["slowest"] in ("kind", "x")


def test_benchmark_prints_a_row(fake_explorer, capsys):
    assert widget_timing.main(["--only", "TinyFakeExplorer", "--repeats", "1"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split()[:3] == ["widget", "moves", "median"]
    row = out[1].split()
    assert row[:2] == ["TinyFakeExplorer", "8"] and row[5] in ("kind", "x")
    assert float(row[2]) >= 0 and float(row[3]) >= float(row[2]) and float(row[4]) >= 0
    assert row[6].startswith("(") and float(row[6].strip("()")) >= 0


def test_a_broken_widget_gets_an_error_row(fake_explorer):
    class BrokenExplorer(fake_explorer):
        def compute(self, kind, x):
            raise RuntimeError("boom")

    try:
        row = widget_timing.time_explorer(BrokenExplorer)
    finally:
        REGISTRY.remove(BrokenExplorer)
    assert "boom" in row["error"]


def test_a_widget_that_fails_on_update_gets_an_error_row(fake_explorer):
    class FailsLater(fake_explorer):
        def compute(self, kind, x):
            if kind == 3:
                raise RuntimeError("kind 3 is broken")
            return super().compute(kind, x)

    try:
        row = widget_timing.time_explorer(FailsLater)
    finally:
        REGISTRY.remove(FailsLater)
    assert "moving 'kind' failed" in row["error"] and "kind 3" in row["error"]
