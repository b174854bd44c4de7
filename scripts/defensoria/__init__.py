"""Tooling of the Defensorías Comunitarias de Cusco: site, quizzes, tracker, print."""

__version__ = "0.1.0"
