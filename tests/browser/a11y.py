"""axe-core (WCAG 2.1 A and AA) run in a page and in each of its frames, as a screen-reader user
would meet them; and a keyboard walk that counts Tab presses."""

from __future__ import annotations

from axe_playwright_python.base import AXE_SCRIPT
from playwright.sync_api import Page

SERIOUS = ("serious", "critical")
RULES = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
         "resultTypes": ["violations"]}


def violations(page: Page) -> list[str]:
    """Serious and critical violations in the page and every frame: 'rule: target (frame)'."""
    found = []
    for frame in page.frames:
        if frame.url in ("", "about:blank") and frame != page.main_frame:
            continue
        frame.evaluate(AXE_SCRIPT)
        result = frame.evaluate("opts => axe.run(document, opts)", {**RULES, "iframes": False})
        where = "page" if frame == page.main_frame else (frame.name or frame.url[:60])
        for rule in result["violations"]:
            if rule["impact"] in SERIOUS:
                found += [f"{rule['id']}: {node['target']} ({where}) {node.get('failureSummary','')[:160]}"
                          for node in rule["nodes"]]
    return found


def tabs_until(page: Page, selector: str, limit: int = 60) -> int | None:
    """Tab presses from the top of the page until `selector` holds the focus (None if never)."""
    page.evaluate("document.activeElement && document.activeElement.blur()")
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if page.evaluate("s => !!document.activeElement && document.activeElement.matches(s)",
                         selector):
            return presses
    return None
