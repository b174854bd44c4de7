"""The package's shape: no import cycles, the content core imports no consumer."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "scripts" / "defensoria"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path, known: set[str]) -> set[str]:
    """Package modules `path` imports, at any depth of the file (functions included)."""
    found = set()
    package = module_name(path) if path.name == "__init__.py" else module_name(path).rsplit(".", 1)[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else []))
            names = [f"{base}.{alias.name}" for alias in node.names] + [base]
        else:
            continue
        for name in names:
            # `from defensoria.x import y`: y may be a module or a name in x
            while name and name not in known:
                name = name.rpartition(".")[0]
            if name and name != "defensoria":
                found.add(name)
    return found


def import_graph() -> dict[str, set[str]]:
    files = {module_name(p): p for p in PACKAGE.rglob("*.py")}
    known = set(files)
    return {name: imports_of(path, known) - {name} for name, path in files.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index, low, stack, on_stack, result, counter = {}, {}, [], set(), [], [0]

    def visit(node):
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                result.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return result


def test_no_import_cycles():
    assert cycles(import_graph()) == []


def test_the_content_core_imports_no_consumer():
    """content.* may use the models (catalog, norms, glossary, banks, guides, rules), never
    plugins, checks, print, the CLI or the tracker's commands."""
    consumers = ("plugin", "cli", "checks", "printing", "site", "render")
    graph = import_graph()
    for name, targets in graph.items():
        if name.startswith("defensoria.content"):
            bad = [t for t in targets if any(part in t.split(".")[-1] or part == t.split(".")[1] for part in consumers)
                   and not t.startswith("defensoria.content")]
            assert bad == [], (name, bad)


def test_mkdocs_yml_lists_no_module_or_guide_file():
    """The nav's module pages and guides come from the catalogue (content.nav)."""
    text = (PACKAGE.parents[1] / "mkdocs.yml").read_text(encoding="utf-8")
    assert "modulos/m0" not in text and "modulos/m1" not in text and "guias/m" not in text and "voz-alta/m" not in text


def yaml_imports(path: Path) -> set[str]:
    """Modules of YAML libraries that `path` imports (PyYAML, ruamel, MkDocs' loader)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and not node.level:
            names = [node.module or ""]
        else:
            continue
        found |= {name for name in names if name.split(".")[0] in ("yaml", "ruamel") or name == "mkdocs.utils.yaml"}
    return found


def test_one_yaml_loader():
    """Only content.yamlfile parses and writes YAML (Spanish file:line errors, libyaml when
    present); content.settings reads mkdocs.yml with MkDocs' own loader for its tags."""
    allowed = {"content/yamlfile.py": {"yaml"}, "content/settings.py": {"mkdocs.utils.yaml"}}
    found = {path.relative_to(PACKAGE).as_posix(): yaml_imports(path) for path in PACKAGE.rglob("*.py")}
    assert {name: imports for name, imports in found.items() if imports and imports != allowed.get(name)} == {}
    # The test sees what it must: the loader itself imports PyYAML
    assert found["content/yamlfile.py"] == {"yaml"}
