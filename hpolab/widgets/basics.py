"""The first widget of the course: one slider that proves widgets work (lesson 00)."""

from __future__ import annotations

import numpy as np

from ._base import Explorer

__all__ = ["WidgetCheck"]


class WidgetCheck(Explorer):
    """A learning-rate slider and the steps it gives on f(w) = w**2, starting at w = 1.

    The smallest possible "hyperparameter changes training" demo: if moving the slider
    redraws the figure, widgets work.
    """

    title = "Move the slider: does the figure change?"

    def controls(self):
        import ipywidgets as w

        return {"learning_rate": w.SelectionSlider(
            options=[0.01, 0.03, 0.1, 0.3, 0.5, 0.9, 1.0, 1.1], value=0.1, description="learning rate")}

    def compute(self, learning_rate: float):
        # gradient descent on f(w) = w^2: w <- w - lr * 2w
        w = 1.0 * (1 - 2 * learning_rate) ** np.arange(11)
        return {"learning_rate": learning_rate, "steps": w}

    def draw(self, result):
        from ..plots import COLORS, new_figure

        fig, ax = new_figure(width=5.5, height=3.0)
        grid = np.linspace(-1.3, 1.3, 200)
        ax.plot(grid, grid**2, color=COLORS["grey"], label="loss f(w) = w²")
        steps = np.clip(result["steps"], -1.3, 1.3)
        ax.plot(steps, steps**2, "o-", color=COLORS["blue"], label="10 gradient steps")
        ax.set(xlabel="parameter w", ylabel="loss", ylim=(-0.05, 1.8),
               title=f"learning rate {result['learning_rate']}")
        ax.legend(loc="upper center")
        return fig

    def describe(self, result):
        final = abs(result["steps"][-1])
        verdict = "converges" if final < 0.5 else ("oscillates without getting closer" if final <= 1 else "diverges")
        return (f"Widgets work. With learning rate {result['learning_rate']}, "
                f"after 10 steps |w| = {final:.3g}: training {verdict}.")
