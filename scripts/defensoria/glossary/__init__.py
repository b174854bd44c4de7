"""The bilingual glossary (termbase): docs/_datos/glosario.yml, its pages and its plugin."""
