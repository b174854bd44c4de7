"""Review workflow: a lawyer vouches for legal claims, Quechua speakers for segments.

- `claims`: every legal claim (a sentence or list item with a `[[…]]` citation) with a
  stable id; `segments`: aligned Spanish→Quechua segments with stable ids.
- `records`: the decisions real reviewers made, stored as data in docs/_datos/revision/.
- `status`: what readers see, computed from the records (never typed by hand).
- `legal_export`, `po`, `xliff`, `paper`: what reviewers receive; `importer`: what
  comes back, all or nothing per file.
"""
