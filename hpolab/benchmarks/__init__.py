"""Benchmarks: test functions, tabular benchmarks loaded from data/, and runners that print tables.

Run ``python -m hpolab.benchmarks --help`` for the available commands.
"""
