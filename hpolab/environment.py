"""Check that this machine can run the course, and say exactly what to fix when it cannot.

Examples
--------
>>> report = check_environment()
>>> isinstance(report.ok, bool)
True
"""

from __future__ import annotations

import html
import sys
from dataclasses import dataclass
from importlib import metadata

__all__ = ["check_environment", "EnvironmentReport"]

INSTALL = "python -m pip install -r requirements.txt"

#: distribution name -> (minimum version, what it is for)
REQUIREMENTS = {
    "numpy": ("1.24", "arrays"),
    "scipy": ("1.10", "Sobol sequences, optimisation, statistics"),
    "matplotlib": ("3.8", "figures"),
    "scikit-learn": ("1.3", "data sets, models, cross-validation"),
    "ipywidgets": ("8.0", "sliders in the kernel"),
    "jupyterlab_widgets": ("3.0", "sliders in JupyterLab (the front-end half of ipywidgets)"),
    "ipykernel": ("6.0", "running notebooks"),
}


@dataclass
class Check:
    """One line of the report."""

    name: str
    ok: bool
    found: str
    fix: str = ""


def _version_tuple(text: str) -> tuple[int, ...]:
    parts = []
    for piece in text.split(".")[:3]:
        digits = "".join(ch for ch in piece if ch.isdigit())
        parts.append(int(digits) if digits else 0)
    return tuple(parts)


def _package_check(name: str, minimum: str, purpose: str) -> Check:
    try:
        found = metadata.version(name)
    except metadata.PackageNotFoundError:
        return Check(f"{name} >= {minimum}", False, "missing", f"needed for {purpose}: run `{INSTALL}`")
    ok = _version_tuple(found) >= _version_tuple(minimum)
    return Check(f"{name} >= {minimum}", ok, found, "" if ok else f"too old: run `{INSTALL}`")


class EnvironmentReport:
    """The result of :func:`check_environment`: one :class:`Check` per requirement."""

    def __init__(self, checks: list[Check]):
        self.checks = checks

    @property
    def ok(self) -> bool:
        """True when every check passed."""
        return all(c.ok for c in self.checks)

    @property
    def problems(self) -> list[Check]:
        """The checks that failed."""
        return [c for c in self.checks if not c.ok]

    def __repr__(self) -> str:
        lines = [f"{'OK ' if c.ok else 'FIX'} {c.name:<32} {c.found}" + (f"  -> {c.fix}" if c.fix else "")
                 for c in self.checks]
        verdict = "Everything is ready." if self.ok else f"{len(self.problems)} problem(s) to fix (see -> above)."
        return "\n".join(lines + [verdict])

    def _repr_html_(self) -> str:
        rows = "".join(
            f"<tr><td>{'&#10004;' if c.ok else '&#10008;'}</td><td>{html.escape(c.name)}</td>"
            f"<td>{html.escape(c.found)}</td><td>{html.escape(c.fix)}</td></tr>" for c in self.checks)
        verdict = "Everything is ready." if self.ok else f"<b>{len(self.problems)} problem(s) to fix.</b>"
        return (f"<table><tr><th></th><th>requirement</th><th>found</th><th>what to do</th></tr>{rows}</table>"
                f"<p>{verdict}</p>")


def check_environment() -> EnvironmentReport:
    """Check Python, the packages the course needs, the shipped data and the notebook front end.

    Returns
    -------
    EnvironmentReport
        Shows as a table in a notebook; ``report.ok`` is True when all is well.
    """
    checks = [Check("Python >= 3.11", sys.version_info >= (3, 11), sys.version.split()[0],
                    "" if sys.version_info >= (3, 11) else "install Python 3.11 or newer")]
    checks += [_package_check(name, *spec) for name, spec in REQUIREMENTS.items()]
    try:
        shell = get_ipython().__class__.__name__  # type: ignore[name-defined]  # noqa: F821
    except NameError:
        shell = "plain Python"
    in_kernel = shell == "ZMQInteractiveShell"
    checks.append(Check("running in a Jupyter kernel", in_kernel, shell,
                        "" if in_kernel else "open the notebooks with `jupyter lab notebooks/`"))
    return EnvironmentReport(checks)
