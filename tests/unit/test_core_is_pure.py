"""The domain core imports only the standard library and itself.

The tablet, the server and tests all build on it, so a Qt, SQL or HTTP
import here would drag that dependency into every one of them.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import shopguide.core

CORE = Path(shopguide.core.__file__).parent


def _imported_top_levels(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
    return names


def test_core_modules_import_only_the_standard_library_and_the_core() -> None:
    offenders = {}
    for path in sorted(CORE.rglob("*.py")):
        foreign = {
            name
            for name in _imported_top_levels(path)
            if name.split(".")[0] not in sys.stdlib_module_names
            and not name.startswith("shopguide.core")
        }
        if foreign:
            offenders[str(path.relative_to(CORE))] = sorted(foreign)
    assert offenders == {}
