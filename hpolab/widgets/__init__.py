"""Interactive explorers for the notebooks: thin ipywidgets layers over pure functions.

Each is an :class:`~hpolab.widgets._base.Explorer`: ``compute`` is pure (tested and
benchmarked directly), ``draw`` calls :mod:`hpolab.plots`. One module per lesson topic.
"""

from ._base import REGISTRY, Explorer
from .basics import *  # noqa: F401,F403  lesson 00
from .training import *  # noqa: F401,F403  lesson 01
from .search import *  # noqa: F401,F403  lessons 02-03
from .bayes import *  # noqa: F401,F403  lesson 04
from .hyperband import *  # noqa: F401,F403  lesson 05
