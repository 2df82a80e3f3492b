"""Time every notebook widget's update: ``python -m hpolab.benchmarks widgets``.

Each :class:`~hpolab.widgets.Explorer` subclass in ``hpolab.widgets.REGISTRY`` is built
with its default controls; then each control in turn is moved through a few valid values and
back, and each move (recompute, redraw, re-render) is timed. The table shows, per widget, the
median and the worst wall-clock time over all moves, the median CPU time (what an update costs
when the machine is not shared) and the control whose moves have the slowest median;
the course's target is a median under 200 ms.
Timings depend on the machine and on what else runs on it: note the load when you quote them.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from typing import Any

__all__ = ["control_values", "time_explorer", "main"]


def control_values(control, k: int = 5) -> list[Any]:
    """Up to ``k`` distinct valid values for an ipywidgets control, none equal to its current value.

    Handles selection widgets (``options``: Dropdown, SelectionSlider, ToggleButtons,
    RadioButtons), numeric sliders and boxes (``min``/``max``, with ``step``; log sliders
    by exponent) and booleans (Checkbox, ToggleButton). Returns [] for anything else.
    """
    current = control.value
    if isinstance(current, (tuple, list)):  # range sliders and multiple selections: not moved
        return []
    if getattr(control, "options", None):
        values = list(getattr(control, "_options_values", None) or control.options)
        others = [v for v in values if v != current]
        return others[:k] if len(others) <= k else [others[round(i * (len(others) - 1) / (k - 1))]
                                                      for i in range(k)]
    if isinstance(current, bool):
        return [not current]
    if hasattr(control, "min") and hasattr(control, "max") and isinstance(current, (int, float)):
        if hasattr(control, "base"):  # FloatLogSlider: min and max are exponents
            lo, hi = control.base ** control.min, control.base ** control.max
            exponents = [control.min + (control.max - control.min) * i / (k - 1) for i in range(k)]
            values = [control.base ** e for e in exponents]
        else:
            lo, hi, step = control.min, control.max, (control.step or 1)
            raw = [lo + (hi - lo) * i / (k - 1) for i in range(k)]
            values = [min(hi, lo + round((v - lo) / step) * step) for v in raw]
            if isinstance(current, int) and not isinstance(current, bool):
                values = [int(v) for v in values]
        out = []
        for v in values:
            if lo <= v <= hi and v != current and v not in out:
                out.append(v)
        return out
    return []


def time_explorer(cls, repeats: int = 3, k: int = 5) -> dict[str, Any]:
    """Build ``cls()`` and time its update while each control in turn moves through up to ``k`` values and back,
    ``repeats`` times.

    Returns
    -------
    dict
        ``widget``; ``controls``, the wall-clock seconds of each move by control name;
        ``times`` and ``cpu_times``, the wall-clock and CPU seconds of every move (CPU time is
        less inflated than wall-clock time when other programs share the machine); ``slowest``,
        the control with the largest median. Or ``error`` when the widget could not be built,
        had no control to move, or failed on a move.
    """
    try:
        explorer = cls()
    except Exception as exc:  # one broken widget must not hide the others' timings
        return {"widget": cls.__name__, "error": f"could not build it: {type(exc).__name__}: {exc}"}
    moves = {name: control_values(control, k) for name, control in explorer.controls_by_name.items()}
    moves = {name: values for name, values in moves.items() if values}
    if not moves:
        return {"widget": cls.__name__, "error": "no control with several valid values to move"}
    by_control: dict[str, list[float]] = {}
    times, cpu_times = [], []
    for name, values in moves.items():
        control = explorer.controls_by_name[name]
        start_value, by_control[name] = control.value, []
        try:
            for _ in range(repeats):
                for value in values + [start_value]:  # back to the start before the next control moves
                    before = explorer.result
                    t0, c0 = time.perf_counter(), time.process_time()
                    control.value = value  # the Explorer's observer recomputes and redraws
                    if explorer.result is before:  # no change event (value already set): update by hand
                        explorer.update()
                    by_control[name].append(time.perf_counter() - t0)
                    cpu_times.append(time.process_time() - c0)
        except Exception as exc:
            return {"widget": cls.__name__, "error": f"moving {name!r} failed: {type(exc).__name__}: {exc}"}
        times += by_control[name]
    slowest = max(by_control, key=lambda name: statistics.median(by_control[name]))
    return {"widget": cls.__name__, "controls": by_control, "times": times, "cpu_times": cpu_times,
            "slowest": slowest}


def format_table(rows: list[dict[str, Any]]) -> str:
    """The timing rows as a fixed-width text table."""
    lines = [f"{'widget':<24} {'moves':>5} {'median ms':>9} {'max ms':>7} {'median cpu ms':>13}  "
             f"slowest control (its median ms)"]
    for row in rows:
        if "error" in row:
            lines.append(f"{row['widget']:<24} {row['error']}")
            continue
        ms = [t * 1e3 for t in row["times"]]
        cpu = statistics.median(row["cpu_times"]) * 1e3
        slowest = statistics.median(row["controls"][row["slowest"]]) * 1e3
        lines.append(f"{row['widget']:<24} {len(ms):>5} {statistics.median(ms):>9.0f} {max(ms):>7.0f} "
                     f"{cpu:>13.0f}  {row['slowest']} ({slowest:.0f})")
    return "\n".join(lines)


def main(argv=None) -> int:
    """Print the update-time table of every registered Explorer (or those named with ``--only``)."""
    parser = argparse.ArgumentParser(prog="python -m hpolab.benchmarks widgets", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeats", type=int, default=3, help="passes through each control's values")
    parser.add_argument("--only", nargs="*", default=None, help="widget class names to time")
    args = parser.parse_args(argv)
    if args.repeats < 1:
        parser.error("--repeats must be at least 1")
    import hpolab.widgets  # noqa: F401  importing it registers every Explorer
    from hpolab.widgets import REGISTRY

    classes = [c for c in REGISTRY if args.only is None or c.__name__ in args.only]
    if args.only:
        missing = set(args.only) - {c.__name__ for c in classes}
        if missing:
            parser.error(f"no widget named {sorted(missing)}; known: {sorted(c.__name__ for c in REGISTRY)}")
    print(format_table([time_explorer(cls, repeats=args.repeats) for cls in classes]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
