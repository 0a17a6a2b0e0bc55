"""The tablet's translation files: find every visible string, keep the .ts files, build the .qm.

    .venv/bin/python scripts/translations.py update    # add new strings to resources/i18n/*.ts
    .venv/bin/python scripts/translations.py compile   # .ts -> .qm with pyside6-lrelease
    .venv/bin/python scripts/translations.py check     # exit 1 when a string lacks a translation

`pyside6-lupdate` finds the module-level `tr(text)` helpers the UI uses but files
them under an empty context, while each helper translates in its own context
("SellScreen", "CartPanel", ...). So the strings are found here with Python's
`ast`: a helper is any function whose body returns
`QCoreApplication.translate("<Context>", <its argument>)`; a call of it (or of a
helper imported from another UI module) with a literal, and any direct
`QCoreApplication.translate("<Context>", "<literal>")`, is a visible string.
A call with anything but a literal is reported, because no tool could translate it.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UI = ROOT / "app" / "shopguide" / "ui"
I18N = ROOT / "resources" / "i18n"
LANGUAGES = ("zh_CN", "ja", "en")


@dataclass(frozen=True, slots=True)
class Found:
    context: str
    source: str
    path: Path
    line: int


def _module_name(path: Path) -> str:
    rel = path.relative_to(ROOT / "app").with_suffix("")
    return ".".join(rel.parts)


def _helpers(tree: ast.Module) -> dict[str, str]:
    """Functions defined here that translate their argument in a fixed context."""
    helpers: dict[str, str] = {}
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef) or not node.args.args:
            continue
        arg = node.args.args[0].arg
        for ret in ast.walk(node):
            if (
                isinstance(ret, ast.Return)
                and isinstance(ret.value, ast.Call)
                and _is_translate(ret.value)
                and len(ret.value.args) == 2
                and isinstance(ret.value.args[0], ast.Constant)
                and isinstance(ret.value.args[1], ast.Name)
                and ret.value.args[1].id == arg
            ):
                helpers[node.name] = str(ret.value.args[0].value)
    return helpers


def _is_translate(call: ast.Call) -> bool:
    return isinstance(call.func, ast.Attribute) and call.func.attr == "translate"


def extract(paths: Iterable[Path] | None = None) -> tuple[list[Found], list[str]]:
    """Every visible string under app/shopguide/ui, and the calls that are not literals."""
    files = sorted(paths if paths is not None else UI.rglob("*.py"))
    trees = {p: ast.parse(p.read_text(encoding="utf-8"), str(p)) for p in files}
    own = {_module_name(p): _helpers(t) for p, t in trees.items()}
    found: list[Found] = []
    problems: list[str] = []
    for path, tree in trees.items():
        helpers = dict(own[_module_name(path)])
        for node in tree.body:
            if isinstance(node, ast.ImportFrom) and node.module in own:
                for alias in node.names:
                    if alias.name in own[node.module]:
                        helpers[alias.asname or alias.name] = own[node.module][alias.name]
        for call in ast.walk(tree):
            if not isinstance(call, ast.Call):
                continue
            where = f"{path.relative_to(ROOT)}:{call.lineno}"
            if isinstance(call.func, ast.Name) and call.func.id in helpers:
                context = helpers[call.func.id]
                text = call.args[0] if call.args else None
            elif _is_translate(call) and len(call.args) >= 2:
                if isinstance(call.args[1], ast.Name) and isinstance(call.args[0], ast.Constant):
                    continue  # the body of a helper
                if not isinstance(call.args[0], ast.Constant):
                    problems.append(f"{where}: translate() with a context that is not a literal")
                    continue
                context = str(call.args[0].value)
                text = call.args[1]
            else:
                continue
            if isinstance(text, ast.Constant) and isinstance(text.value, str):
                found.append(Found(context, text.value, path, call.lineno))
            else:
                problems.append(f"{where}: translated text is not a literal string")
    return found, problems


def catalog(found: Iterable[Found]) -> dict[str, dict[str, Found]]:
    """context -> source -> first place it is used, in a stable order."""
    out: dict[str, dict[str, Found]] = {}
    for f in sorted(found, key=lambda f: (f.context, str(f.path), f.line)):
        out.setdefault(f.context, {}).setdefault(f.source, f)
    return dict(sorted(out.items()))


def ts_path(language: str, folder: Path = I18N) -> Path:
    return folder / f"shopguide_{language}.ts"


def read_ts(path: Path) -> dict[tuple[str, str], str | None]:
    """(context, source) -> translation; None when missing or marked unfinished/obsolete."""
    if not path.exists():
        return {}
    out: dict[tuple[str, str], str | None] = {}
    for ctx in ET.parse(path).getroot().iter("context"):  # noqa: S314 (our own .ts)
        name = ctx.findtext("name") or ""
        for message in ctx.iter("message"):
            source = message.findtext("source") or ""
            tr = message.find("translation")
            done = tr is not None and tr.get("type") not in ("unfinished", "obsolete", "vanished")
            out[(name, source)] = (tr.text or "") if done and tr is not None else None
    return out


def write_ts(path: Path, language: str, found: list[Found]) -> None:
    """Rewrite a .ts with the strings in use, keeping the translations it already had."""
    old = read_ts(path)
    root = ET.Element("TS", version="2.1", language=language)
    for context, messages in catalog(found).items():
        ctx = ET.SubElement(root, "context")
        ET.SubElement(ctx, "name").text = context
        for source, f in messages.items():
            message = ET.SubElement(ctx, "message")
            ET.SubElement(
                message,
                "location",
                filename=str(Path("../..") / f.path.relative_to(ROOT)),
                line=str(f.line),
            )
            ET.SubElement(message, "source").text = source
            translation = old.get((context, source))
            if translation is None and language == "en":
                translation = source  # the source language: the text is its own translation
            tr = ET.SubElement(message, "translation")
            if translation is None:
                tr.set("type", "unfinished")
            else:
                tr.text = translation
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8"
    )


def missing(language: str, found: list[Found], folder: Path = I18N) -> list[str]:
    have = read_ts(ts_path(language, folder))
    return [
        f"{f.context}: {f.source!r} ({f.path.relative_to(ROOT)}:{f.line})"
        for context, messages in catalog(found).items()
        for f in messages.values()
        if not have.get((context, f.source))
    ]


def lrelease() -> str:
    here = Path(sys.executable).parent / "pyside6-lrelease"
    return str(here) if here.exists() else (shutil.which("pyside6-lrelease") or "lrelease")


def compile_qm(folder: Path = I18N, out: Path | None = None) -> list[Path]:
    out = out or folder
    out.mkdir(parents=True, exist_ok=True)
    made = []
    for language in LANGUAGES:
        qm = out / f"shopguide_{language}.qm"
        subprocess.run(  # noqa: S603 (Qt's lrelease on our own files)
            [lrelease(), "-silent", str(ts_path(language, folder)), "-qm", str(qm)],
            check=True,
        )
        made.append(qm)
    return made


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "check"
    found, problems = extract()
    for p in problems:
        print(p, file=sys.stderr)
    if command == "update":
        for language in LANGUAGES:
            write_ts(ts_path(language), language, found)
        return 0
    if command == "compile":
        for qm in compile_qm():
            print(qm.relative_to(ROOT))
        return 0
    if command == "check":
        gaps = {lang: missing(lang, found) for lang in LANGUAGES}
        for lang, items in gaps.items():
            for item in items:
                print(f"{lang}: {item}")
        return 1 if problems or any(gaps.values()) else 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
