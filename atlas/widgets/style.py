"""The frame's style sheet: a small icon font, visible focus, readable captions, phone layout."""

from __future__ import annotations

import streamlit as st

FOCUS = "#b35806"  # 4.6:1 on white, distinct from the blue links it rings

# - Captions and help text are drawn at about 3.9:1; WCAG AA asks 4.5:1 for text.
# - Links, page links and buttons get a ring that shows where the keyboard is.
# - On phones the map is a short band the page scrolls past (see maps.py for the touch rules);
#   wide tables scroll inside their own box, with a shadow that says there is more.
CSS = f"""<style>
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] *,
[data-testid="stWidgetLabel"] small, [data-testid="stTooltipHoverTarget"] {{color: #3d4150;}}
a:focus-visible, button:focus-visible, summary:focus-visible, [role="tab"]:focus-visible,
[data-testid="stPageLink-NavLink"]:focus-visible, [tabindex]:focus-visible {{
  outline: 3px solid {FOCUS} !important; outline-offset: 2px;}}
[data-testid="stTable"], [data-testid="stMarkdownContainer"]:has(> table) {{overflow-x: auto;
  background: linear-gradient(to right, #fff 30%, #fff0) left / 2rem 100% no-repeat local,
    linear-gradient(to left, #fff 30%, #fff0) right / 2rem 100% no-repeat local,
    radial-gradient(farthest-side at 0 50%, #0003, #0000) left / .8rem 100% no-repeat scroll,
    radial-gradient(farthest-side at 100% 50%, #0003, #0000) right / .8rem 100% no-repeat scroll;}}
.st-key-phone-bar, [class*="st-key-phone-hint"] {{display: none;}}
@media (max-width: 640px) {{
  .st-key-phone-bar, [class*="st-key-phone-hint"] {{display: block;}}
  [data-testid="stCustomComponentV1"] {{max-height: 300px;}}
}}
</style>"""


def apply() -> None:
    """Inject the style sheet (takes no space on the page)."""
    st.html(CSS)
