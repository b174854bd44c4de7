"""The site's navigation with the catalogue filled in, so mkdocs.yml repeats no module or guide.

mkdocs.yml keeps the shape and the section titles; this fills in, in catalogue order:

    - Módulos:
        - modulos/index.md          ← every module page follows it
    - Formadores:
        - formadores/index.md
        - Guías de taller: []       ← every facilitator guide
"""

from defensoria.content.project import Project
from defensoria.taller.guides import GUIDES_FOLDER, guide_files

MODULES_INDEX = "modulos/index.md"
GUIDES_SECTION = "Guías de taller"


def catalogue_nav(nav: list, project: Project) -> list:
    """A copy of `nav` with module pages after modulos/index.md and guides in their section."""
    docs = project.docs
    modules = [module.path.relative_to(docs).as_posix() for module in project.modules().values()]
    guides = [(GUIDES_FOLDER / path.name).as_posix() for path in guide_files(project.root)]

    def fill(items: list) -> list:
        result = []
        for item in items:
            if isinstance(item, dict):
                item = {title: (guides if title == GUIDES_SECTION and value == [] else fill(value) if isinstance(value, list) else value)
                        for title, value in item.items()}
            result.append(item)
            if item == MODULES_INDEX:
                result.extend(page for page in modules if page not in items)
        return result

    return fill(nav)
