"""Plotting: pure functions that take numbers and return matplotlib Figures.

Nothing here computes a search or trains a model; the notebooks and widgets pass in
what :mod:`hpolab` computed. One module per lesson topic; all re-exported here.
"""

from ._style import COLORS, METHOD_COLORS, figure_png, fixed_margins, new_figure, reusing_figures
from .search import *  # noqa: F401,F403  grid and random search (lessons 02-03)
from .training import *  # noqa: F401,F403  networks and gradient descent (lesson 01)
from .bayes import *  # noqa: F401,F403  Gaussian processes and acquisitions (lesson 04)
from .hyperband import *  # noqa: F401,F403  budgets, brackets, learning curves (lesson 05)
