"""The notebook-00 environment check asks for what requirements.txt installs."""

import re
from pathlib import Path

from hpolab.environment import REQUIREMENTS

ROOT = Path(__file__).resolve().parents[1]


def _minimums() -> dict[str, str]:
    found = {}
    for line in (ROOT / "requirements.txt").read_text().splitlines():
        match = re.match(r"^([A-Za-z0-9_.-]+)\s*>=\s*([0-9.]+)", line.strip())
        if match:
            found[match.group(1).lower()] = match.group(2)
    return found


def test_the_check_and_requirements_txt_agree_on_every_minimum():
    minimums = _minimums()
    shared = [name for name in REQUIREMENTS if name.lower() in minimums]
    # jupyterlab_widgets comes with ipywidgets, so requirements.txt need not name it
    assert set(REQUIREMENTS) - set(shared) <= {"jupyterlab_widgets"}
    for name in shared:
        minimum = REQUIREMENTS[name][0]
        assert minimums[name.lower()] == minimum, (
            f"notebook 00 asks for {name} >= {minimum}, requirements.txt for >= {minimums[name.lower()]}")
