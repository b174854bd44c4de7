"""Write a Report (reports.py) as HTML with SVG charts, PDF, CSV or XLSX."""

from pathlib import Path

from defensoria.outputs import table_workbook, write_csv, write_xlsx
from defensoria.registro.outputs import TEMPLATES, bar_chart, render_html, write_pdf, write_text
from defensoria.registro.reports import COLUMNS, Report
from defensoria.registro.suppression import public_rows

FORMATS = ("html", "pdf", "csv", "xlsx")


PUBLIC_NOTE = ("Versión pública: toda cantidad de 1 a 4 personas, y toda cantidad de personas de un grupo de menos de 5, "
               "se muestra como «<5». «—» en horas o en % es una cifra reservada: no quiere decir cero ni «menos de 5»; se oculta "
               "porque es de un grupo de menos de 5 personas o porque con ella se podría calcular una cifra oculta restando de un total.")


def shown_rows(report: Report) -> tuple[list[dict], dict]:
    """The rows and Total every format shows (table, charts): suppressed when public."""
    if not report.public:
        return report.rows, report.total
    return public_rows(report.rows, report.total)


def _fmt(value) -> str:
    if isinstance(value, float):
        return f"{value:.1f}" if value % 1 else f"{value:.0f}"  # decimal point, as in the CSV and XLSX
    return str(value)


def report_html(report: Report) -> str:
    rows, total = shown_rows(report)
    filters = ", ".join(f"{k} {v}" for k, v in report.filters.items() if v)
    people = [(r["grupo"], r["personas"]) for r in rows]
    rates = [(r["grupo"], r["tasa"]) for r in rows]
    return render_html(
        "reporte.html", report=report, rows=rows, total=total, columns=COLUMNS, fmt=_fmt, filters=filters,
        generated=report.generated_on, public_note=PUBLIC_NOTE, css=(TEMPLATES / "base.css").read_text(encoding="utf-8"),
        chart_people=bar_chart(people), chart_rate=bar_chart(rates, unit=" %", maximum=100),
    )


def write_report(report: Report, target: Path, fmt: str | None = None) -> Path:
    """Write in the format named (or taken from the file's extension)."""
    target = Path(target)
    fmt = (fmt or target.suffix.lstrip(".")).lower()
    if fmt not in FORMATS:
        raise ValueError(f"formato '{fmt}' desconocido; use {', '.join(FORMATS)}")
    if fmt in {"html", "pdf"}:
        html = report_html(report)
        return write_text(target, html) if fmt == "html" else write_pdf(target, html)
    rows, total = shown_rows(report)
    header = [label or report.label for _, label in COLUMNS]
    table = [[row[key] for key, _ in COLUMNS] for row in [*rows, total]]
    if fmt == "csv":
        # The footnote travels with the figures: a last row, after the Total
        return write_csv(target, header, table + ([["Nota: " + PUBLIC_NOTE]] if report.public else []))
    notes = [f"Reporte por {report.label.lower()}, generado el {report.generated_on}.",
             f"Completaron: {report.completion_of}."]
    if report.public:
        notes.append(PUBLIC_NOTE)
    return write_xlsx(target, table_workbook(header, table, title="Reporte", widths=[34] + [14] * (len(COLUMNS) - 1), notes=notes))
