"""Quizzes, R/exams style: one bilingual bank per module (quizzes/mNN.yml), many drivers.

- model.py: the item model (pydantic); bank.py: load_bank()/load_banks() with file:line errors.
- site.py: the MkDocs plugin `defensoria-cuestionarios` (self-check quiz on module pages).
- printing.py: seeded paper versions, keys and answer templates (`cuestionario imprimir`).
- grading.py: scores and item statistics from filled templates (`cuestionario calificar`).
- moodle_xml.py, gift.py, qti.py: export drivers (`cuestionario exportar`).
"""
