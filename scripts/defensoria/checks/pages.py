"""Front matter: present and valid on module pages; every page has a title."""

import re
from pathlib import Path

from defensoria import paths
from defensoria.catalog import MODULE_FILE, module_from_page
from defensoria.checks import Problem, check
from defensoria.errors import SourceError
from defensoria.pages import iter_pages, language_of, read_page

H1 = re.compile(r"^#\s+\S", re.MULTILINE)


@check("encabezados")
def check_front_matter(root: Path):
    docs = paths.docs_dir(root)
    for path in iter_pages(docs):
        try:
            page = read_page(path)
        except SourceError as error:
            yield Problem.from_error(error)
            continue
        if not page.meta.get("title") and not H1.search(page.body):
            yield Problem(path, 1, "la página no tiene título: agregue 'title:' en el encabezado o un título '# …'.")
        is_module = path.parent == paths.modules_dir(root) and MODULE_FILE.match(path.name)
        if is_module and language_of(path) == "es":
            if not page.meta:
                yield Problem(path, 1, "falta el encabezado del módulo (modulo, title, horas, objetivos, fuentes, revision_legal, version_ley).")
                continue
            try:
                module_from_page(page)
            except SourceError as error:
                yield Problem.from_error(error)
