"""The Explorer base class: a failing update says so on the widget and keeps the last good figure."""

import ipywidgets as w
import pytest

from hpolab.widgets import REGISTRY, Explorer


@pytest.fixture
def fragile_explorer():
    class FragileExplorer(Explorer):
        def controls(self):
            return {"x": w.IntSlider(1, min=0, max=3)}

        def compute(self, x):
            if x == 0:
                raise ValueError("x must be positive")
            return {"x": x}

        def draw(self, result):
            from hpolab.plots import new_figure

            fig, ax = new_figure(width=2, height=1.5)
            ax.plot([0, 1], [0, result["x"]])
            ax.set_title(f"x = {result['x']}")
            return fig

        def describe(self, result):
            return f"x is {result['x']}"

    yield FragileExplorer
    REGISTRY.remove(FragileExplorer)  # keep the registry to the course's real widgets


def test_a_failing_update_is_reported_on_the_widget(fragile_explorer):
    explorer = fragile_explorer()
    explorer.controls_by_name["x"].value = 2
    good_image, good_result = explorer.image.value, explorer.result
    with pytest.raises(ValueError, match="positive"):
        explorer.controls_by_name["x"].value = 0
    assert "could not be shown" in explorer.text.value and "x must be positive" in explorer.text.value
    assert explorer.image.value == good_image and explorer.result is good_result
    explorer.controls_by_name["x"].value = 3  # and it recovers
    assert explorer.result == {"x": 3} and explorer.text.value == "x is 3"
    assert explorer.image.value != good_image


def test_unknown_initial_control_names_the_valid_ones(fragile_explorer):
    with pytest.raises(ValueError, match=r"has no control 'y'; it has \['x'\]"):
        fragile_explorer(y=1)
