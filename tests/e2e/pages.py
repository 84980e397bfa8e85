"""Helpers shared by the browser tests: the axe-core accessibility scan and keyboard focus.

axe-core comes from the npm registry, pinned in package.json and installed by ``npm ci``
(``make player``); the tests read it from ``node_modules`` and never download it.
"""

import re
from functools import cache
from pathlib import Path

import pytest

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
# Impacts that fail a scan; "moderate" and "minor" ones are printed, not failed.
BLOCKING = frozenset({"serious", "critical"})
# Runs axe in one document. Frames are scanned one by one (see ``axe_violations``).
AXE_RUN = """() => axe.run(document, {iframes: false, resultTypes: ["violations"]})
    .then((results) => results.violations)"""
# References axe reports only as "needs review": an aria-describedby or aria-labelledby
# naming an id the page does not have, so a help text or an error is never read out.
BROKEN_REFERENCES = """() => [...document.querySelectorAll("[aria-describedby], [aria-labelledby]")]
    .flatMap((element) => ["aria-describedby", "aria-labelledby"].flatMap((attribute) =>
        (element.getAttribute(attribute) || "").split(/\\s+/)
            .filter((id) => id && !document.getElementById(id))
            .map((id) => `${element.tagName}#${element.id} ${attribute}: no #${id}`)))"""
# What keyboard focus looks like on the focused element: its outline, its box shadow, and
# the background it is drawn on (the nearest ancestor with one; the page is white).
FOCUS_STYLE = """() => {
    const element = document.activeElement;
    const style = getComputedStyle(element);
    let background = "rgb(255, 255, 255)";
    for (let node = element.parentElement; node; node = node.parentElement) {
        const color = getComputedStyle(node).backgroundColor;
        if (color !== "transparent" && !color.endsWith(", 0)")) { background = color; break; }
    }
    return {
        tag: element.tagName.toLowerCase(),
        outline: style.outlineStyle === "none" ? "none" : style.outlineWidth,
        outlineColor: style.outlineColor,
        boxShadow: style.boxShadow,
        background: background,
    };
}"""
COLOUR = re.compile(r"rgba?\((\d+), (\d+), (\d+)(?:, ([\d.]+))?\)")


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


def accessibility_problems(page, *, skip_frames: dict[str, str] | None = None) -> tuple:
    """What fails the page, as readable text, and the lesser violations for the report.

    Failing: axe's serious or critical violations, and ARIA references to missing ids.
    """
    violations = axe_violations(page, skip_frames=skip_frames)
    blocking = [v for v in violations if v["impact"] in BLOCKING]
    problems = [f"axe found on {page.url}:\n{describe(blocking)}"] if blocking else []
    broken = page.evaluate(BROKEN_REFERENCES)
    if broken:
        problems.append(f"references to nothing on {page.url}: {broken}")
    return problems, [v for v in violations if v["impact"] not in BLOCKING]


def assert_accessible(page, *, skip_frames: dict[str, str] | None = None) -> list[dict]:
    """Fail on what ``accessibility_problems`` finds; return the lesser violations."""
    problems, lesser = accessibility_problems(page, skip_frames=skip_frames)
    assert not problems, "\n".join(problems)
    return lesser


def focus_style(page) -> dict:
    """How the element that has keyboard focus is drawn, and on what background."""
    return page.evaluate(FOCUS_STYLE)


def _luminance(colour: tuple[int, int, int]) -> float:
    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(channel) for channel in colour)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(first: tuple[int, int, int], second: tuple[int, int, int]) -> float:
    """The WCAG contrast ratio of two colours, from 1 to 21."""
    light, dark = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _opaque_colours(css: str) -> list[tuple[int, int, int]]:
    return [
        (int(r), int(g), int(b))
        for r, g, b, alpha in COLOUR.findall(css)
        if alpha == "" or float(alpha) > 0
    ]


def focus_is_visible(style: dict) -> bool:
    """An outline or a box shadow marks the focused element, in a colour with at least 3:1
    contrast against the background it is drawn on (WCAG 1.4.11, non-text contrast)."""
    background = _opaque_colours(style["background"])[0]
    colours = _opaque_colours(style["boxShadow"])
    if style["outline"] not in ("none", "0px"):
        colours += _opaque_colours(style["outlineColor"])
    return any(contrast(colour, background) >= 3 for colour in colours)
