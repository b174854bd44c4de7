"""`defensoria cuestionario …`: print, grade and export the question banks (thin CLI)."""

import sys
from pathlib import Path

import click
from rich.console import Console

from defensoria import paths
from defensoria.catalog import catalog, parse_module_list
from defensoria.cli_spanish import SpanishGroup
from defensoria.errors import DefensoriaError
from defensoria.quiz.bank import bank_paths, load_banks

console = Console(highlight=False, soft_wrap=True, emoji=False)
err_console = Console(stderr=True, highlight=False, soft_wrap=True, emoji=False)


def _root(raiz: Path | None) -> Path:
    return raiz.resolve() if raiz else paths.find_root()


def _banks(root: Path, modulos: str | None):
    """Banks of the modules asked for (all banks by default), modules checked against the catalogue."""
    if modulos and modulos.strip().lower() not in {"todos", "todo"}:
        codes = [module.modulo for module in parse_module_list(modulos, root)]
    else:
        codes = [path.stem for path in bank_paths(root)]
        if not codes:
            raise DefensoriaError("no hay bancos de preguntas en quizzes/ (quizzes/m04.yml, …).")
    return load_banks(root, codes)


root_option = click.option(
    "--raiz", type=click.Path(file_okay=False, path_type=Path), default=None,
    help="Carpeta del proyecto (la que tiene mkdocs.yml). Por defecto se busca desde la carpeta actual.",
)
modules_option = click.option(
    "--modulos", "--modulo", "modulos", default=None, metavar="MÓDULOS",
    help="Módulos separados por comas (m02,m04) o 'todos'. Por defecto, todos los que tienen banco.",
)


@click.group(name="cuestionario", cls=SpanishGroup)
def quiz():
    """Cuestionarios: versiones impresas con clave, calificación de hojas y exportación a Moodle.

    Las preguntas están en quizzes/mNN.yml (un banco por módulo, en castellano y quechua).
    """


@quiz.command(name="imprimir")
@root_option
@modules_option
@click.option("--versiones", default=2, show_default=True, type=click.IntRange(1, 26), help="Cuántas versiones distintas (preguntas y opciones en otro orden).")
@click.option("--semilla", default="1", show_default=True, help="La misma semilla da exactamente los mismos archivos. Anótela para volver a imprimir.")
@click.option("--idioma", type=click.Choice(["es", "qu", "bilingue"]), default="es", show_default=True, help="Castellano, quechua o ambos (castellano y debajo quechua).")
@click.option("--preguntas", default=None, metavar="N|mNN:N,…",
              help="Cuántas preguntas sortear: un total repartido por igual entre los módulos (10), o por módulo (m04:6,m05:5). "
                   "Todas las versiones tienen las mismas preguntas en otro orden. Por defecto, todas.")
@click.option("--titulo", default=None, help="Título de la hoja. Por defecto, los módulos.")
@click.option("--salida", type=click.Path(file_okay=False, path_type=Path), default=Path("salida/cuestionario"), show_default=True, help="Carpeta donde se escriben los archivos.")
@click.option("--sin-pdf", is_flag=True, help="Solo HTML (más rápido); el HTML se imprime desde el navegador.")
def print_command(raiz, modulos, versiones, semilla, idioma, preguntas, titulo, salida, sin_pdf):
    """Genera versiones del cuestionario para imprimir (HTML y PDF A4), sus claves y la
    plantilla de respuestas (CSV y XLSX) para calificar después.

    Las versiones comparten las mismas preguntas (mezcladas y con las opciones en otro
    orden), así quienes se sientan juntos dan la misma prueba. El puntaje de un módulo se
    registra solo si tiene al menos 5 preguntas.

    \b
    Ejemplo:
        defensoria cuestionario imprimir --modulos m04,m05 --versiones 4 --semilla taller-ccatca --idioma bilingue --preguntas 10
    """
    from defensoria.quiz.printing import PrintOptions, print_quiz
    from defensoria.quiz.versions import MIN_QUESTIONS_PER_SCORE, parse_questions_option, questions_per_module

    root = _root(raiz)
    banks = _banks(root, modulos)
    titles = {code: module.title for code, module in catalog(root).items()}
    counts = parse_questions_option(preguntas)
    options = PrintOptions(seed=semilla, versions=versiones, language=idioma, n_questions=counts, title=titulo, pdf=not sin_pdf)
    written = print_quiz(banks, options, salida, titles)
    per_module = questions_per_module(banks, counts)
    console.print(f"Versiones: {versiones} · semilla: {semilla} · idioma: {idioma} · preguntas por módulo: "
                  + ", ".join(f"{m} {n}" for m, n in per_module.items()))
    if few := [m for m, n in per_module.items() if 0 < n < MIN_QUESTIONS_PER_SCORE]:
        console.print(f"⚠ {', '.join(few)}: menos de {MIN_QUESTIONS_PER_SCORE} preguntas; sirve para repasar, pero su puntaje no se registrará.")
    for path in written:
        console.print(f"  {path}")


@quiz.command(name="calificar")
@root_option
@click.argument("respuestas", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--claves", type=click.Path(dir_okay=False, path_type=Path), default=None, help="claves.json de 'cuestionario imprimir'. Por defecto, el que está junto al archivo de respuestas.")
@click.option("--codificacion", default=None, help="Codificación del CSV si no es UTF-8 ni Windows-1252 (por ejemplo latin-1).")
@click.option("--salida", type=click.Path(file_okay=False, path_type=Path), default=None, help="Carpeta donde guardar los resultados en CSV (personas y preguntas).")
@click.option("--registrar", is_flag=True, help="Guarda los puntajes en el registro de capacitaciones (un resultado por persona y módulo).")
@click.option("--fecha", default=None, help="Fecha del cuestionario para el registro (dd/mm/aaaa). Por defecto, hoy.")
@click.option("--base", type=click.Path(dir_okay=False, path_type=Path), default=None, help="Base de datos del registro (por defecto data/registro.sqlite).")
def grade_command(raiz, respuestas, claves, codificacion, salida, registrar, fecha, base):
    """Califica las hojas de respuestas escritas en la plantilla (CSV o XLSX): puntaje por
    persona y estadística por pregunta (aciertos y cuántas veces se eligió cada opción).

    Una fila con errores (versión desconocida, número de respuestas incorrecto,
    participante desconocido) se informa con su línea y se omite; las demás se califican.

    \b
    Ejemplo:
        defensoria cuestionario calificar salida/cuestionario/respuestas.csv
        defensoria cuestionario calificar respuestas.xlsx --claves salida/cuestionario/claves.json --registrar
    """
    from defensoria.quiz import report
    from defensoria.quiz.grading import grade_file
    from defensoria.quiz.versions import read_keys

    root = _root(raiz)
    keys_path = claves or _default_keys(respuestas)
    keys = read_keys(keys_path)
    checker = report.tracker_checker(root, base) if registrar else report.basic_checker
    result = grade_file(respuestas, keys, codificacion, checker)
    report.print_result(console, result, keys, root)
    if salida:
        for path in report.write_csv(result, keys, root, salida):
            console.print(f"  {path}")
    if registrar and result.scores:
        summary, skipped = report.record(result, root, base, fecha)
        console.print(f"Registro: {summary.added} resultado(s) nuevo(s), {summary.already_recorded} ya registrado(s).")
        if skipped:
            console.print(f"⚠ No se registró el puntaje de {', '.join(skipped)}: tiene menos de 5 preguntas en este cuestionario.")
    if not result.scores:
        raise DefensoriaError("ninguna fila se pudo calificar; revise los mensajes de arriba.")


def _default_keys(answers: Path) -> Path:
    beside = answers.parent / "claves.json"
    return beside if beside.is_file() else Path("salida/cuestionario/claves.json")


@quiz.command(name="exportar")
@root_option
@modules_option
@click.option("--formato", type=click.Choice(["moodle-xml", "gift", "qti"]), required=True, help="moodle-xml (XML de Moodle), gift (texto GIFT) o qti (IMS QTI 2.1 en un .zip).")
@click.option("--idioma", type=click.Choice(["es", "qu"]), default="es", show_default=True, help="Idioma de las preguntas.")
@click.option("--salida", type=click.Path(dir_okay=False, path_type=Path), default=None, help="Archivo de salida. Sin esta opción se escribe en la salida estándar.")
def export_command(raiz, modulos, formato, idioma, salida):
    """Exporta los bancos para Moodle u otra plataforma: una categoría por módulo.

    \b
    Ejemplo:
        defensoria cuestionario exportar --formato moodle-xml --idioma qu --salida preguntas-qu.xml
        defensoria cuestionario exportar --formato gift --modulo m04 > m04.gift.txt
        defensoria cuestionario exportar --formato qti --salida preguntas-qti.zip
    """
    from defensoria.quiz.exporting import make_writer
    from defensoria.files import write_atomic

    root = _root(raiz)
    banks = _banks(root, modulos)
    titles = {code: module.title for code, module in catalog(root).items()}
    data = make_writer(formato, idioma, titles)(banks)
    if salida is None:
        if formato == "qti" and sys.stdout.isatty():
            raise DefensoriaError("QTI es un archivo .zip: indique --salida ARCHIVO.zip o redirija la salida a un archivo.")
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    write_atomic(salida, data)
    n = sum(len(bank.preguntas) for bank in banks)
    err_console.print(f"{n} preguntas de {len(banks)} módulo(s) en {salida}.")
