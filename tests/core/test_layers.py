"""What may import what: the kernel (`solidarity/core/`) imports no app and nothing above itself.

The rule (docs/architecture.md): `core` imports only `core` (and third-party code); apps import
`core` and, where their docs say so, each other; the project modules (`settings/`, `celery.py`,
`routing.py`, `urls*.py`, `demo.py`, `cli.py`) sit above both; nothing under `solidarity/` imports
`evaluation`, `bench` or `tests`. An app tells the kernel what it needs to know by registering from
its `AppConfig.ready()`: its menu entries (`core/menu.py`), its API contract (`core/openapi.py`),
its periodic jobs (`core/jobs.py`). A kernel module that needs something of an app is a sign that
the app should register it, or that the code belongs in the kernel.

Every module is read as a syntax tree, so imports inside functions count too (a lazy import is still
a dependency), and so do modules named by a literal string to `import_module`, `__import__` or
`import_string`. No import-linter: the lock does not carry it, and forty lines of `ast` do the job.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "solidarity"
KERNEL = "solidarity.core"
LABORATORY = ("evaluation", "bench", "tests")
DYNAMIC_IMPORTERS = {"import_module", "__import__", "import_string"}


def module_name(path: Path, root: Path = ROOT) -> str:
    parts = path.relative_to(root).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(path: Path, root: Path = ROOT) -> Iterator[tuple[int, str]]:
    """Yield (line, module) for every import in the file, at any depth, relative ones resolved."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    name = module_name(path, root)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            yield node.lineno, base
            for alias in node.names:  # `from solidarity import relay` imports the module solidarity.relay
                yield node.lineno, f"{base}.{alias.name}"
        elif isinstance(node, ast.Call):
            callee = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            first = node.args[0] if node.args else None
            if callee in DYNAMIC_IMPORTERS and isinstance(first, ast.Constant) and isinstance(first.value, str):
                yield node.lineno, first.value


def modules_under(folder: Path) -> list[Path]:
    return sorted(path for path in folder.rglob("*.py") if ".venv" not in path.parts)


def is_within(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


def test_the_walk_sees_lazy_relative_and_dynamic_imports(tmp_path):
    """The checker itself: an import hidden in a function, a relative one and a string one are all seen."""
    source = tmp_path / "solidarity" / "core" / "sample.py"
    source.parent.mkdir(parents=True)
    source.write_text(
        "from . import menu\n"
        "from .. import relay\n"
        "def later():\n"
        "    from solidarity.monitor.models import Event\n"
        "    import_module('solidarity.elections.tally')\n",
        encoding="utf-8",
    )
    found = {module for _line, module in imported_modules(source, tmp_path)}
    assert {"solidarity.core.menu", "solidarity.relay", "solidarity.monitor.models", "solidarity.elections.tally"} <= (
        found
    )


def test_the_kernel_imports_no_app_and_nothing_above_it():
    kernel = modules_under(PACKAGE / "core")
    assert len(kernel) > 20  # the walk found the kernel
    offending = [
        f"{path.relative_to(ROOT)}:{line} imports {module}"
        for path in kernel
        for line, module in imported_modules(path)
        if is_within(module, "solidarity") and not is_within(module, KERNEL) and module != "solidarity"
    ]
    assert offending == [], "the kernel imports above itself; register from the app's ready() instead"


def test_no_import_circle_between_the_kernel_and_the_celery_module():
    """`celery.py` imports the kernel; the kernel names the Celery backend only by a dotted path in settings."""
    celery_imports = {module for _line, module in imported_modules(PACKAGE / "celery.py")}
    assert "solidarity.core.jobs" in celery_imports
    kernel_imports = {module for path in modules_under(PACKAGE / "core") for _line, module in imported_modules(path)}
    assert not [module for module in kernel_imports if is_within(module, "solidarity.celery")]


def test_nothing_in_the_product_imports_the_laboratory():
    offending = [
        f"{path.relative_to(ROOT)}:{line} imports {module}"
        for path in modules_under(PACKAGE)
        for line, module in imported_modules(path)
        if any(is_within(module, name) for name in LABORATORY)
    ]
    assert offending == []


# --- environment variables -----------------------------------------------------------------------

ENVIRONMENT_READER = PACKAGE / "settings" / "env.py"


def environment_uses(path: Path) -> Iterator[tuple[int, str]]:
    """Yield (line, source) for each use of `os.environ` or `os.getenv` that reads a variable.

    Two uses are not reads: pointing Django at its settings before it starts
    (`os.environ.setdefault("DJANGO_SETTINGS_MODULE", ...)`, in the entry points), and handing the
    whole environment on to a child process (`env=os.environ | {...}`).
    """
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source, filename=str(path))
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "os":
            if {alias.name for alias in node.names} & {"environ", "getenv", "environb"}:
                yield node.lineno, ast.get_source_segment(source, node) or ""
            continue
        if not isinstance(node, ast.Attribute) or node.attr not in {"environ", "getenv", "environb"}:
            continue
        if not (isinstance(node.value, ast.Name) and node.value.id == "os"):
            continue
        parent = parents.get(node)
        call = parents.get(parent) if isinstance(parent, ast.Attribute) else None
        if (
            isinstance(parent, ast.Attribute)
            and parent.attr == "setdefault"
            and isinstance(call, ast.Call)
            and call.args
            and isinstance(call.args[0], ast.Constant)
            and call.args[0].value == "DJANGO_SETTINGS_MODULE"
        ):
            continue
        if isinstance(parent, ast.BinOp) and isinstance(parent.op, ast.BitOr) and parent.left is node:
            continue
        yield node.lineno, ast.get_source_segment(source, parents.get(node, node)) or ""


def test_only_settings_env_reads_environment_variables():
    """Every variable is read by `solidarity/settings/env.py` (text, flag, integer, items), so each has
    one parsing and one place to look; modules that need one at run time call it (as `relay/conf.py`)."""
    readers = [
        f"{path.relative_to(ROOT)}:{line}: {text}"
        for path in modules_under(PACKAGE)
        if path != ENVIRONMENT_READER
        for line, text in environment_uses(path)
    ]
    assert readers == []
    assert list(environment_uses(ENVIRONMENT_READER))  # the walk sees a real reader
