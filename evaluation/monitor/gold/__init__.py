"""The monitor's gold sets: invented reports annotated by hand by ACLED's rules, and their writers.

Each `write_<set>.py` regenerates its `<set>.jsonl` beside it; run one from the repository root,
for example `python -m evaluation.monitor.gold.write_dev2`. `scoring` reads the `.jsonl` files.
"""
