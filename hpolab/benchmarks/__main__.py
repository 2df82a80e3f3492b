"""``python -m hpolab.benchmarks COMMAND [options]``: run a benchmark and print its table.

Commands
--------
bo          random search, Sobol and Bayesian optimization on Branin and Hartmann3
hyperband   random search, successive halving and Hyperband on the tabular MLP benchmark
widgets     median update time of every notebook widget
"""

import importlib
import sys

COMMANDS = {"bo": "compare_bo", "hyperband": "compare_hyperband", "widgets": "widget_timing"}


def main(argv=None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] in ("-h", "--help") or argv[0] not in COMMANDS:
        print(__doc__)
        return 0 if argv and argv[0] in ("-h", "--help") else 2
    module = importlib.import_module(f"hpolab.benchmarks.{COMMANDS[argv[0]]}")
    return module.main(argv[1:]) or 0


if __name__ == "__main__":
    sys.exit(main())
