"""Checks for the notebooks' exercises. Each returns a :class:`Feedback` that says what is
right or wrong and gives a hint. One module per lesson."""

from ._base import Feedback, correct, not_yet
from .lesson00 import *  # noqa: F401,F403
from .lesson01 import *  # noqa: F401,F403
from .lesson02 import *  # noqa: F401,F403
from .lesson03 import *  # noqa: F401,F403
from .lesson04 import *  # noqa: F401,F403
from .lesson05 import *  # noqa: F401,F403
