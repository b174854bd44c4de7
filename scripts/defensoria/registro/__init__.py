"""The capacity-building tracker (`defensoria registro`): library first, CLI in cli.py.

Public entry points for other tools:

    from defensoria.registro import QuizResult, record_quiz_results
"""

from defensoria.registro.quiz import QuizResult, QuizResultsError, QuizSummary, record_quiz_results

__all__ = ["QuizResult", "QuizResultsError", "QuizSummary", "record_quiz_results"]
