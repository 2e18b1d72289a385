"""What both HTML reports share in their head: meta tags and CSS for phones, themes and paper.

Teachers print these reports and students open them on phones, so every page: fits a
narrow screen (wide tables scroll inside their own box instead of pushing the page
sideways), stays dark text on white whatever the browser's theme (the colours are set
together and the page says it is light, so a dark theme cannot leave dark text on a dark
background), and prints cleanly (no clipped tables, headings kept with what follows,
rows and the chart never split across pages, bars printed even where browsers drop
backgrounds). Plain CSS, nothing fetched.
"""

from __future__ import annotations

HEAD_META = (
    '<meta charset="utf-8">\n'
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
    '<meta name="color-scheme" content="light">'
)

SCREEN_CSS = """
:root { color-scheme: light; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #111; background: #fff;
       overflow-wrap: break-word; }
table { border-collapse: collapse; }
.wide { overflow-x: auto; max-width: 100%; }
.wide table { margin-top: 0; }
table.sticky th:first-child, table.sticky td:first-child { position: sticky; left: 0;
       background: #fff; box-shadow: inset -1px 0 #999; }
table.sticky thead th:first-child { background: #eee; }
"""

PRINT_CSS = """
@page { margin: 1.2cm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10.5pt; }
  .wide { overflow: visible; }
  table { font-size: 9pt; }
  table.sticky th:first-child, table.sticky td:first-child { position: static; box-shadow: none; }
  h1, h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  tr, li, blockquote, figure, svg { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  .bar { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""

SHARED_CSS = SCREEN_CSS + PRINT_CSS
