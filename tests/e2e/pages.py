"""Helpers shared by the browser tests: the axe-core accessibility scan and keyboard focus.

axe-core comes from the npm registry, pinned in package.json and installed by ``npm ci``
(``make player``); the tests read it from ``node_modules`` and never download it.
"""

from functools import cache
from pathlib import Path

import pytest

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
# Impacts that fail a scan; "moderate" and "minor" ones are printed, not failed.
BLOCKING = frozenset({"serious", "critical"})
# Runs axe in one document. Frames are scanned one by one (see ``axe_violations``).
AXE_RUN = """() => axe.run(document, {iframes: false, resultTypes: ["violations"]})
    .then((results) => results.violations)"""
# What keyboard focus looks like on the focused element: its outline and its box shadow.
FOCUS_STYLE = """() => {
    const element = document.activeElement;
    const style = getComputedStyle(element);
    return {
        tag: element.tagName.toLowerCase(),
        outline: style.outlineStyle === "none" ? "none" : style.outlineWidth,
        boxShadow: style.boxShadow,
    };
}"""


@cache
def axe_source() -> str:
    """The pinned axe-core script, or a failure that says how to install it."""
    if not AXE.exists():
        pytest.fail(
            f"axe-core is missing ({AXE}): run `make player` (or `npm ci --ignore-scripts`) "
            "to install the npm packages pinned in package-lock.json.",
            pytrace=False,
        )
    return AXE.read_text(encoding="utf-8")


def axe_violations(page, *, skip_frames: dict[str, str] | None = None) -> list[dict]:
    """The axe violations of the page and of each of its frames, with the frame's URL.

    Liaison's pages forbid inline scripts, so ``add_script_tag`` would be refused; the
    source is evaluated through the DevTools protocol, which the page's policy does not
    cover, and nothing about the page itself changes. ``skip_frames`` maps a substring of a
    frame URL to why that frame's markup is not ours to fix.
    """
    skip_frames = skip_frames or {}
    violations = []
    for frame in page.frames:
        if any(part in frame.url for part in skip_frames):
            continue
        frame.evaluate(axe_source())
        for violation in frame.evaluate(AXE_RUN):
            violation["frame"] = frame.url
            violations.append(violation)
    return violations


def describe(violations: list[dict], *, targets: int = 3) -> str:
    """One paragraph per violation: rule, impact, help, and where it is."""
    lines = []
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation['impact']}): {violation['help']} "
            f"[{len(violation['nodes'])} element(s), in {violation['frame']}]"
        )
        for node in violation["nodes"][:targets]:
            lines.append(f"    {' >>> '.join(node['target'])}")
            summary = node.get("failureSummary", "").replace("\n", " ")
            if summary:
                lines.append(f"      {summary[:300]}")
    return "\n".join(lines)


def assert_accessible(page, *, skip_frames: dict[str, str] | None = None) -> list[dict]:
    """Fail on serious or critical violations; return the lesser ones for the report."""
    violations = axe_violations(page, skip_frames=skip_frames)
    blocking = [v for v in violations if v["impact"] in BLOCKING]
    assert not blocking, f"axe found on {page.url}:\n{describe(blocking)}"
    return violations


def focus_style(page) -> dict:
    """How the element that has keyboard focus is drawn: tag, outline width, box shadow."""
    return page.evaluate(FOCUS_STYLE)


def focus_is_visible(style: dict) -> bool:
    """An outline of some width, or a box shadow, marks the focused element."""
    has_outline = style["outline"] not in ("none", "0px")
    return has_outline or style["boxShadow"] not in ("", "none")
