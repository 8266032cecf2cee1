"""The product imports only runtime dependencies, and the two locks agree (issue 11, item 2).

`requirements/runtime.txt` is what `python3 dev.py run` installs; `requirements/dev.txt` adds the
test bench. Every third-party module imported anywhere under `solidarity/` (at the top of a file
or inside a function) must come from a distribution pinned in the runtime lock, or a production
install breaks when that code runs.
"""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
RUNTIME = ROOT / "requirements" / "runtime.txt"
DEV = ROOT / "requirements" / "dev.txt"
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?==([^\s;\\]+)", re.MULTILINE)

# Never in a lock: proprietary (gurobipy) or pulled in only by test tools (numba, llvmlite, ortools).
NEVER = {"gurobipy"}
NOT_IN_PRODUCTION = {"numba", "llvmlite", "ortools", "pytest", "playwright", "hypothesis", "schemathesis", "abcvoting"}


def pins(lock: Path) -> dict[str, str]:
    return {canonicalize_name(name): version for name, version in PIN.findall(lock.read_text())}


def imported_modules(package: Path) -> dict[str, set[str]]:
    """Top-level names of every absolute import under ``package``, with the files importing each."""
    found: dict[str, set[str]] = {}
    for path in sorted(package.rglob("*.py")):
        relative = path.relative_to(package.parent).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), relative)):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                if top not in sys.stdlib_module_names and top != package.name:
                    found.setdefault(top, set()).add(relative)
    return found


def outside_runtime(package: Path, runtime: set[str]) -> list[str]:
    """Each third-party module imported under ``package`` whose distribution is not a runtime pin."""
    distributions = packages_distributions()
    problems = []
    for module, importers in sorted(imported_modules(package).items()):
        files = set(importers)
        names = {canonicalize_name(d) for d in distributions.get(module, [])}
        if not files:
            continue
        if not names:
            problems.append(f"{module} (imported by {sorted(files)}) is not installed at all")
        elif not names & runtime:
            problems.append(f"{module} comes from {sorted(names)}, not in requirements/runtime.txt: {sorted(files)}")
    return problems


def test_every_third_party_import_of_the_product_is_a_runtime_pin() -> None:
    imports = imported_modules(ROOT / "solidarity")
    assert {"django", "numpy", "nacl", "gmpy2"} <= imports.keys()  # the scan sees the product's imports
    problems = outside_runtime(ROOT / "solidarity", set(pins(RUNTIME)))
    assert not problems, "\n".join(problems)


def test_the_check_reports_a_dev_only_import_even_inside_a_function(tmp_path: Path) -> None:
    package = tmp_path / "solidarity"
    (package / "app").mkdir(parents=True)
    (package / "app" / "views.py").write_text("import django.http\n\n\ndef f():\n    from hypothesis import given\n")
    (package / "app" / "more.py").write_text("import json\nfrom . import views\nfrom solidarity.app import views\n")
    problems = outside_runtime(package, set(pins(RUNTIME)))
    assert len(problems) == 1 and problems[0].startswith("hypothesis comes from ['hypothesis']"), problems
    (package / "app" / "gone.py").write_text("import not_a_module_anywhere\n")
    assert any("not_a_module_anywhere" in p and "not installed" in p for p in outside_runtime(package, set()))


def test_runtime_dependencies_are_exactly_the_runtime_lock_roots() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    runtime, dev = pins(RUNTIME), pins(DEV)
    declared = {canonicalize_name(Requirement(r).name) for r in project["project"]["dependencies"]}
    extra = {canonicalize_name(Requirement(r).name) for r in project["project"]["optional-dependencies"]["dev"]}
    assert declared <= runtime.keys()
    assert declared.isdisjoint(extra), "a package is both a runtime and a dev dependency"
    for name in NOT_IN_PRODUCTION:
        assert name not in runtime, f"{name} is in the runtime lock"
    for name in NEVER:
        assert name not in runtime and name not in dev, f"{name} (proprietary) is in a lock"


def test_the_development_lock_keeps_every_runtime_pin() -> None:
    """dev.py installs the development lock over a runtime venv: no runtime pin may change."""
    runtime, dev = pins(RUNTIME), pins(DEV)
    assert {name: dev.get(name) for name in runtime} == runtime
    assert len(dev) > len(runtime)
