"""Explorers for lesson 05: Hyperband's bracket table, and successive halving on the tabular benchmark."""

from __future__ import annotations

import html

from ._base import Explorer

__all__ = ["BracketExplorer", "HalvingExplorer"]


class BracketExplorer(Explorer):
    """Sliders for the maximum budget R and eta; recomputes Hyperband's bracket table and diagram."""

    title = "Hyperband brackets: move R and eta"

    def controls(self):
        import ipywidgets as w

        return {"max_budget": w.IntSlider(81, min=2, max=243, description="R (max budget)"),
                "eta": w.IntSlider(3, min=2, max=6, description="eta")}

    def compute(self, max_budget: int, eta: int) -> dict:
        from ..search.schedules import format_brackets, hyperband_brackets, schedule_budget

        brackets = hyperband_brackets(max_budget, eta)
        return {"brackets": brackets, "table": format_brackets(brackets),
                "n_configs": sum(b["n"][0] for b in brackets),
                "total_budget": sum(schedule_budget(b) for b in brackets),
                "max_budget": max_budget, "eta": eta}

    def draw(self, result):
        from ..plots.hyperband import plot_brackets

        return plot_brackets(result["brackets"], title=f"Hyperband with R = {result['max_budget']}, "
                                                       f"eta = {result['eta']}")

    def describe(self, result) -> str:
        return (f"<pre>{html.escape(result['table'])}</pre>{len(result['brackets'])} brackets, "
                f"{result['n_configs']} configurations, {result['total_budget']:g} units of budget "
                f"in all (without checkpoints). Each cell is <i>configurations @ budget</i>.")


class HalvingExplorer(Explorer):
    """Successive halving on the tabular MLP benchmark: eta, the first round's budget, and the seed.

    Parameters
    ----------
    benchmark : TabularBenchmark, optional
        The table to run on (loaded from ``data/`` by default).
    """

    title = "Successive halving on the tabular benchmark (dotted: what stopped runs would have done)"

    def __init__(self, benchmark=None, **initial):
        from ..benchmarks.tabular import TabularBenchmark

        self.benchmark = benchmark or TabularBenchmark()
        super().__init__(**initial)

    def controls(self):
        import ipywidgets as w

        return {"eta": w.IntSlider(3, min=2, max=4, description="eta"),
                "min_budget": w.SelectionSlider(options=[1, 3, 9], value=1, description="first budget"),
                "seed": w.IntSlider(0, min=0, max=20, description="seed")}

    def compute(self, eta: int, min_budget: int, seed: int) -> dict:
        from ..benchmarks.compare_hyperband import run_until
        from ..search import SuccessiveHalving

        bench = self.benchmark
        search = SuccessiveHalving(bench.space, min_budget, bench.max_epochs, eta, seed=seed)
        history = run_until(search, bench.objective(), bench.max_epochs, float("inf"))
        curves = {t.info["config_id"]: bench.mean_scores[bench.index(t.config)] for t in history}
        winner = max((t for t in history if t.budget == max(x.budget for x in history)), key=lambda t: t.score)
        truth = max(bench.mean_scores[bench.index(t.config), -1] for t in history if t.info["round"] == 0)
        return {"history": history, "curves": curves, "epochs": history.cumulative_budget()[-1],
                "winner": winner.score, "best_started": truth, "eta": eta}

    def draw(self, result):
        from ..plots.hyperband import plot_successive_halving

        return plot_successive_halving(result["history"], result["curves"],
                                       title=f"Successive halving, eta = {result['eta']}")

    def describe(self, result) -> str:
        return (f"{result['epochs']:.0f} epochs in all. Winner: {result['winner']:.3f}; the best of the "
                f"configurations started, had all been trained fully: {result['best_started']:.3f}.")
