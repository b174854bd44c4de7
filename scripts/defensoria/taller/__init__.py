"""Workshops: facilitator guides per module and the workshop planner.

- `guides`: the guides' front matter (docs/formadores/guias/mNN-guia.md) as data;
- `checks`: `defensoria revisar` checks (minutes add up, sections, safety block);
- `duration` and `planner`: `defensoria taller planificar` (schedule, breaks, materials);
- `render`: the plan as a rich table, Markdown or printable HTML;
- `plugin`: MkDocs plugin `defensoria-talleres` (guide list, objectives and key points
  of the module in each guide, discreet trainers' note on module pages).

Guides live only under docs/formadores/guias/: trainer-only material never enters
learner pages or learner prints (which read docs/modulos/).
"""
