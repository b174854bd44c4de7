"""Printed materials: handouts for assemblies, the full manual, the trainer's pack.

One model, many drivers: `model` reads a module into a Handout (key points extracted
from its page, never copied); `handouts`, `manual` and `pack` write PDFs with WeasyPrint;
`build` plans and runs them for `defensoria imprimir`; `plugin` puts handouts on the site.
"""
