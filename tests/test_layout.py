"""The layout holds: the product imports neither the laboratory nor a development-only package.

Every module under `solidarity/` is parsed (not imported) and each `import`, `from … import` and
`import_module("…")` / `__import__("…")` / `import_string("…")` with a literal name is checked against the list
below. `evaluation/`, `bench/` and `tests/` import the product, never the other way round; and what
only the test bench installs (red-dwarf, votekit, pytest, Hypothesis, Playwright, …) must not be
reachable from code that runs in production. The wheel ships `solidarity` and nothing beside it.
(`tests/core/test_layers.py` checks the kernel's rules and the laboratory rule too.)
"""

from __future__ import annotations

import ast
import fnmatch
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PRODUCT = ROOT / "solidarity"

# top-level import name -> why the product may not import it
FORBIDDEN = {
    "evaluation": "the laboratory (scorers, gold sets) sits outside the product",
    "bench": "benchmarks sit outside the product",
    "tests": "tests sit outside the product",
    "reddwarf": "red-dwarf is a development-only reference implementation (evaluation/deliberation)",
    "votekit": "votekit is a development-only cross-check of the tally",
    "pytest": "pytest is development-only",
    "_pytest": "pytest is development-only",
    "pytest_django": "pytest-django is development-only",
    "xdist": "pytest-xdist is development-only",
    "hypothesis": "Hypothesis is development-only",
    "playwright": "Playwright is development-only",
    "schemathesis": "schemathesis is development-only",
    "atheris": "atheris is development-only",
    "time_machine": "time-machine is development-only",
}
DYNAMIC_IMPORTERS = {"import_module", "__import__", "import_string"}


def forbidden_imports(source: str, filename: str = "<module>") -> list[tuple[int, str]]:
    """Return (line, imported name) for each import in `source` whose top-level name is forbidden."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source, filename=filename)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.lineno, node.module))
        elif isinstance(node, ast.Call) and node.args:
            function = node.func
            called = function.attr if isinstance(function, ast.Attribute) else getattr(function, "id", "")
            first = node.args[0]
            if called in DYNAMIC_IMPORTERS and isinstance(first, ast.Constant) and isinstance(first.value, str):
                found.append((node.lineno, first.value))
    return [(line, name) for line, name in found if name.split(".")[0] in FORBIDDEN]


def test_nothing_in_the_product_imports_the_laboratory_or_a_development_only_package() -> None:
    modules = sorted(PRODUCT.rglob("*.py"))
    assert len(modules) > 100  # the walk really reads the package
    offences = [
        f"{path.relative_to(ROOT)}:{line}: imports {name} ({FORBIDDEN[name.split('.')[0]]})"
        for path in modules
        for line, name in forbidden_imports(path.read_text(encoding="utf-8"), str(path))
    ]
    assert offences == []


@pytest.mark.parametrize(
    "source",
    [
        "import evaluation",
        "from evaluation.monitor.scoring import evaluate_all",
        "import reddwarf.implementations.polis as red_dwarf",
        "def f():\n    from votekit import RankProfile\n",
        "import os, pytest",
        "from hypothesis import given",
        "from playwright.sync_api import sync_playwright",
        "from bench import run",
        "from tests.conftest import make_user",
        "import importlib\nimportlib.import_module('evaluation.deliberation.scoring')",
        "from importlib import import_module\nimport_module('reddwarf')",
        "__import__('pytest')",
    ],
)
def test_the_check_catches_each_kind_of_import(source: str) -> None:
    assert forbidden_imports(source)


@pytest.mark.parametrize(
    "source",
    [
        "from solidarity.deliberation import engine",
        "from . import evaluation",  # a module of the product's own, relative
        "from .evaluation import x",
        "import evaluations_of_our_own",
        "import_module(name)",  # not a literal: routing and the demo load the product's own apps
        "x = 'import evaluation'",
    ],
)
def test_the_check_lets_the_product_import_itself(source: str) -> None:
    assert forbidden_imports(source) == []


def test_the_wheel_ships_the_product_alone() -> None:
    """setuptools' package discovery keeps a package whose dotted name matches an include pattern
    and no exclude pattern (fnmatch); every top-level package of the checkout is tried."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    find = config["tool"]["setuptools"]["packages"]["find"]
    include, exclude = find.get("include", ["*"]), find.get("exclude", [])
    top_level = sorted(path.parent.name for path in ROOT.glob("*/__init__.py"))
    assert {"solidarity", "evaluation", "bench", "tests"} <= set(top_level)

    def shipped(name: str) -> bool:
        return any(fnmatch.fnmatchcase(name, p) for p in include) and not any(
            fnmatch.fnmatchcase(name, p) for p in exclude
        )

    assert [name for name in top_level if shipped(name)] == ["solidarity"]
    assert not any(shipped(f"{name}.{sub}") for name in ("evaluation", "bench", "tests") for sub in ("monitor", "x"))
