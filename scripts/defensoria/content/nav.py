"""The site's navigation with the catalogue filled in, so mkdocs.yml repeats no module or guide.

mkdocs.yml keeps the shape and the section titles; this fills in, in catalogue order:

    - Módulos:
        - modulos/index.md          ← every module page follows it
    - Formadores:
        - formadores/index.md
        - Guías de taller: []       ← every facilitator guide
        - Para leer en voz alta: [] ← every module's read-aloud page
"""

from defensoria.content.project import Project
from defensoria.taller.guides import GUIDES_FOLDER, guide_files

MODULES_INDEX = "modulos/index.md"
GUIDES_SECTION = "Guías de taller"
READ_ALOUD_SECTION = "Para leer en voz alta"
READ_ALOUD_FOLDER = "formadores/voz-alta"


def catalogue_nav(nav: list, project: Project) -> list:
    """A copy of `nav` with module pages after modulos/index.md and guides in their section."""
    docs = project.docs
    modules = [module.path.relative_to(docs).as_posix() for module in project.modules().values()]
    sections = {
        GUIDES_SECTION: [(GUIDES_FOLDER / path.name).as_posix() for path in guide_files(project.root)],
        READ_ALOUD_SECTION: [f"{READ_ALOUD_FOLDER}/{code}.md" for code in project.modules()
                             if (docs / READ_ALOUD_FOLDER / f"{code}.md").is_file()],
    }

    def fill(items: list) -> list:
        result = []
        for item in items:
            if isinstance(item, dict):
                item = {title: (sections[title] if title in sections and value == [] else fill(value) if isinstance(value, list) else value)
                        for title, value in item.items()}
            result.append(item)
            if item == MODULES_INDEX:
                result.extend(page for page in modules if page not in items)
        return result

    return fill(nav)
