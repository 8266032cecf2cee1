"""Benchmarks: `python -m bench` runs them all and prints one table; `python -m bench NAME` runs one."""
