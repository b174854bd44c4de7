"""`defensoria traducciones`: coverage, staleness, terminology and spelling of the Quechua edition."""

from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from defensoria import paths
from defensoria.errors import DefensoriaError, SourceError
from defensoria.glossary.model import glossary_path, load_glossary
from defensoria.pages import language_of, translation_path
from defensoria.translation.coverage import BOTH, QUECHUA_ONLY, SPANISH_ONLY, coverage, summary
from defensoria.translation.lint import count_levels, lint_project
from defensoria.translation.orthography import ERROR, load_rules
from defensoria.translation.state import record_source_hash, translation_state
from defensoria.translation.glosses import gloss_report
from defensoria.translation.occurrences import occurrence_report
from defensoria.translation.terminology import terminology_misses

SECTIONS = ("cobertura", "desactualizadas", "terminologia", "ocurrencias", "glosas", "propuestas", "ortografia")
console = Console(highlight=False, soft_wrap=True, emoji=False)
# Segments listed under the occurrence figures (the rest are counted)
LISTED = 15


def _relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


def _quechua_page(name: str, root: Path) -> Path:
    """A page given as docs/x.qu.md, x.qu.md, docs/x.md or x.md → its Quechua file."""
    docs = paths.docs_dir(root)
    for candidate in (Path(name), root / name, docs / name):
        if candidate.is_file() or translation_path(candidate, "qu").is_file():
            target = candidate if language_of(candidate) == "qu" else translation_path(candidate, "qu")
            if target.is_file():
                return target
            raise DefensoriaError(f"no existe la traducción {target.name}: créela antes de fijar su versión.")
    raise DefensoriaError(f"no se encuentra la página «{name}» (ejemplo: --fijar docs/modulos/m04-la-denuncia.qu.md).")


def fix_versions(pages: tuple[str, ...], root: Path) -> None:
    for name in pages:
        quechua = _quechua_page(name, root)
        digest = record_source_hash(quechua)
        console.print(f"✅ {_relative(quechua, root)}: traduce la versión {digest} de {translation_state(quechua).spanish.name}.")


def show_coverage(root: Path) -> None:
    rows = coverage(root)
    table = Table(title="Cobertura de la edición en quechua")
    table.add_column("Página", no_wrap=True)
    for column in ("Idiomas", "Palabras es", "Palabras qu", "Estado", "Versión"):
        table.add_column(column)
    for row in rows:
        version = {True: "[red]desactualizada[/red]", False: "al día", None: "—"}[row.stale]
        if row.languages == BOTH and row.stale is None:
            version = "[yellow]sin huella[/yellow]"
        languages = row.languages + (f" ({row.spanish_only_reason})" if row.spanish_only_reason else "")
        table.add_row(row.page, languages, _num(row.words_es), _num(row.words_qu), row.estado or "—", version)
    console.print(table)
    totals = summary(rows)
    console.print(f"Páginas en ambos idiomas: {totals[BOTH]} · solo castellano: {totals[SPANISH_ONLY]} · "
                  f"solo quechua: {totals[QUECHUA_ONLY]} · palabras: {totals['palabras_es']} es, {totals['palabras_qu']} qu.")


def _num(value: int | None) -> str:
    return "—" if value is None else str(value)


def show_stale(root: Path) -> None:
    stale = [row for row in coverage(root) if row.stale]
    if not stale:
        console.print("✅ Ninguna traducción desactualizada.")
        return
    console.print(f"[bold]{len(stale)} traducción(es) desactualizada(s)[/bold] (la página en castellano cambió):")
    for row in stale:
        quechua = row.page[: -len(".md")] + ".qu.md"
        console.print(f"  docs/{quechua} (traduce docs/{row.page}) → actualice la traducción y ejecute "
                      f"«defensoria traducciones --fijar docs/{quechua}»")


def show_terminology(root: Path) -> None:
    if not glossary_path(root).is_file():
        console.print("No hay glosario (docs/_datos/glosario.yml): se omite la terminología.")
        return
    misses = terminology_misses(root, load_glossary(root))
    if not misses:
        console.print("✅ Terminología: cada término del glosario usado en castellano aparece en su traducción.")
        return
    console.print(f"[bold]Terminología: {len(misses)} término(s) sin su forma quechua[/bold]")
    for miss in misses:
        console.print(f"  {_relative(miss.quechua, root)}: falta «{miss.term.qu}» (en castellano «{miss.term.es}», "
                      f"{miss.spanish.name}:{miss.spanish_line})")


def show_occurrences(root: Path) -> None:
    """Figures: terms sourced, term occurrences consistent, the segments that fall short."""
    if not glossary_path(root).is_file():
        return
    glossary = load_glossary(root)
    sourced = sum(term.sourced for term in glossary.terminos)
    console.print(f"Glosario: {len(glossary.terminos)} términos; {sourced} con fuente leída, "
                  f"{len(glossary.terminos) - sourced} propuesta(s) por revisar.")
    report = occurrence_report(root, glossary, glossary_path(root))
    console.print(f"Terminología por ocurrencia: {report.consistent} de {report.occurrences} usos de un término "
                  f"del glosario en castellano tienen su término quechua en el mismo segmento "
                  f"({report.share:.1%}; {report.segments} segmentos: secciones de página, preguntas, "
                  "definiciones, textos del programa).")
    worst = sorted(report.by_term.items(), key=lambda item: item[1][1] - item[1][0])
    for term_id, (spanish, matched) in worst[:10]:
        if matched < spanish:
            term = glossary.by_id()[term_id]
            console.print(f"  «{term.es}» → «{term.qu}»: {matched} de {spanish}")
    for shortfall in report.shortfalls[:LISTED]:
        segment = shortfall.segment
        console.print(f"  {_relative(segment.path, root)}:{segment.line} ({segment.label}): «{shortfall.term.es}» "
                      f"{shortfall.spanish} vez/veces, «{shortfall.term.qu}» {shortfall.quechua}")
    if len(report.shortfalls) > LISTED:
        console.print(f"  … y {len(report.shortfalls) - LISTED} segmento(s) más.")


def show_proposals(root: Path) -> None:
    """The termbase's proposals, with what was read of their words, for the reviewers."""
    if not glossary_path(root).is_file():
        return
    glossary = load_glossary(root)
    proposals = [term for term in glossary.terminos if not term.sourced]
    console.print(f"[bold]Términos quechuas propuestos por el equipo, por revisar: {len(proposals)}[/bold] "
                  "(glosario.yml; lo leído en las fuentes, si algo se leyó)")
    for term in proposals:
        read = "; ".join(f"{e.forma} ({glossary.fuentes[e.fuente].corto}, {e.alcance})" for e in term.evidencia)
        console.print(f"  {term.id}: «{term.es}» → «{term.qu}»" + (f" · leído: {read}" if read else ""))


def show_glosses(root: Path) -> None:
    """Spanish glosses in parentheses in the Quechua pages: each interrupts a reading aloud."""
    report = gloss_report(root)
    console.print(f"Glosas en castellano entre paréntesis en las páginas quechuas: {report.glosses} en "
                  f"{report.words} palabras (una cada {report.words_per_gloss:.0f} palabras); "
                  f"{report.legal_names} son nombres legales o de servicios que la gente debe reconocer, "
                  f"{report.glosses - report.legal_names} podrían pasar al glosario.")
    for path, count in report.by_page[:LISTED]:
        console.print(f"  {_relative(path, root)}: {count}")


def show_spelling(root: Path) -> int:
    findings = list(lint_project(root, load_rules(root)))
    errors, warnings = count_levels(findings)
    for path, finding in findings:
        label = "[red]Error[/red]" if finding.level == ERROR else "[yellow]Aviso[/yellow]"
        console.print(f"{label} en {_relative(path, root)}:{finding.line}: {finding.message}")
    mark = "✅ " if not errors else ""
    console.print(f"{mark}Ortografía del quechua: {errors} error(es), {warnings} aviso(s).")
    return errors


@click.command(name="traducciones")
@click.option("--raiz", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Carpeta del proyecto (la que tiene mkdocs.yml). Por defecto se busca desde la carpeta actual.")
@click.option("--solo", type=click.Choice(SECTIONS), multiple=True,
              help="Muestra solo esta parte del informe (puede repetirse).")
@click.option("--fijar", "fix", multiple=True, metavar="PÁGINA",
              help="Registra en la página quechua que traduce la versión actual de su página en castellano "
                   "(después de actualizar la traducción). Puede repetirse.")
def translations(raiz, solo, fix):
    """Informe de la edición en quechua: cobertura, traducciones desactualizadas,
    terminología del glosario y ortografía del quechua.

    Sale con código 1 si hay errores de ortografía.

    \b
    Ejemplo:
        defensoria traducciones
        defensoria traducciones --solo ortografia
        defensoria traducciones --fijar docs/modulos/m04-la-denuncia.qu.md
    """
    root = raiz.resolve() if raiz else paths.find_root()
    try:
        if fix:
            fix_versions(fix, root)
            return
        wanted = set(solo or SECTIONS)
        errors = 0
        if "cobertura" in wanted:
            show_coverage(root)
        if "desactualizadas" in wanted:
            show_stale(root)
        if "terminologia" in wanted:
            show_terminology(root)
        if "ocurrencias" in wanted:
            show_occurrences(root)
        if "glosas" in wanted:
            show_glosses(root)
        if "propuestas" in wanted:
            show_proposals(root)
        if "ortografia" in wanted:
            errors = show_spelling(root)
    except SourceError as error:
        raise DefensoriaError(str(error)) from None
    if errors:
        raise SystemExit(1)
