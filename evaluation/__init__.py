"""The laboratory: scorers, gold writers and gold sets that measure the product against labelled data.

It sits beside `bench/` and `tests/`, outside the `solidarity` package: it imports the product,
the product never imports it (tests/test_layout.py), and it is not in the wheel. Run it with
`python -m evaluation monitor|deliberation [--data DIR]` (see `__main__.py`).
"""
