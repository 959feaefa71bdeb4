"""Services queue tasks by name through pilots/enqueue.py and never import the
task modules, which import the services (no import cycle)."""

import ast
from pathlib import Path

import pytest
from celery import current_app

import pilots
from pilots import booking_tasks, enqueue, tasks

PILOTS = Path(pilots.__file__).parent
TASK_MODULES = {"pilots.tasks", "pilots.booking_tasks"}
# Only the app config imports the task modules (to register them).
MAY_IMPORT_TASKS = {"pilots.tasks", "pilots.booking_tasks", "pilots.apps"}


def imported_modules(source: str, package: str) -> set[str]:
    """Absolute names a module of `package` imports, anywhere in its source
    (function-local imports too); `from x import y` gives x and x.y."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join(parts + ([module] if module else []))
            names.add(module)
            names.update(f"{module}.{alias.name}" for alias in node.names)
    return names


def pilots_modules() -> dict[str, tuple[str, str]]:
    """Each module of pilots/: its name -> (its package, its source)."""
    modules = {}
    for path in sorted(PILOTS.rglob("*.py")):
        parts = path.relative_to(PILOTS.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            name = package = ".".join(parts[:-1])
        else:
            name, package = ".".join(parts), ".".join(parts[:-1])
        modules[name] = (package, path.read_text())
    return modules


def test_the_check_sees_the_import_services_used_to_make() -> None:
    source = "def queue():\n    from ..tasks import send_account_email_task\n"
    names = imported_modules(source, "pilots.services")
    assert "pilots.tasks" in names
    assert imported_modules("from .. import tasks\n", "pilots.services") & TASK_MODULES


def test_no_module_of_pilots_imports_the_tasks_but_the_app_config() -> None:
    modules = pilots_modules()
    assert "pilots.services.workflow" in modules
    offenders = {
        name: sorted(imported_modules(source, package) & TASK_MODULES)
        for name, (package, source) in modules.items()
        if name not in MAY_IMPORT_TASKS
        and imported_modules(source, package) & TASK_MODULES
    }
    assert offenders == {}


@pytest.mark.parametrize("name", enqueue.TASK_NAMES)
def test_each_queued_name_is_a_registered_task(name: str) -> None:
    module_name, task_name = name.rsplit(".", 1)
    module = {"pilots.tasks": tasks, "pilots.booking_tasks": booking_tasks}
    assert getattr(module[module_name], task_name).name == name
    assert name in current_app.tasks
