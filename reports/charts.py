"""Charts of a built report: inline SVG for the pages, PNG for the PDF.

Drawn with matplotlib's object-oriented API on the Agg canvas (no pyplot, no global figure
state). The chart's title is not drawn in the image: pages and the PDF show it as a caption,
and the SVG carries it in ``<title>`` for screen readers.
"""

import io
import re
import textwrap
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from xml.sax.saxutils import escape, quoteattr

import matplotlib
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter

from .result import SUPPRESSED_MARK, Chart

INK = "#1b1f24"
MUTED = "#4a5360"
LINE = "#d5dae0"
# Brand blue first, then Okabe–Ito colours, which stay distinct for colour-blind readers.
PALETTE = ["#0b4f8a", "#e69f00", "#56b4e9", "#009e73", "#d55e00", "#cc79a7", "#000000"]

_STYLE = {
    "svg.fonttype": "none",  # text stays text: selectable, translatable, read by screen readers
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans"],
    "font.size": 11,
    "text.color": INK,
    "axes.edgecolor": MUTED,
    "axes.labelcolor": MUTED,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "xtick.color": MUTED,
    "ytick.color": MUTED,
    "xtick.labelcolor": INK,
    "ytick.labelcolor": INK,
    "grid.color": LINE,
    "xtick.labelsize": 10,
    "ytick.labelsize": 10,
    "legend.frameon": False,
    # Every text drawn is literal: a `$` in a question or a survey statement would otherwise
    # start the maths parser (mathtext), and a report would fail because of its content.
    "text.parse_math": False,
}
# rc_context swaps matplotlib's global rcParams: one chart at a time keeps output deterministic.
_render_lock = threading.Lock()
# The mark drawn in a gap: a middle dot is too small to see at the labels' size.
_MARK_STYLE = {"fontsize": 18, "fontweight": "bold", "color": MUTED}
# Width in inches; SVG units are points, so the viewBox is 360 wide: 1:1 on a 360 px phone.
_WIDTH = 5.0


def chart_svg(chart: Chart) -> str:
    """Return the chart as inline, accessible SVG markup that scales to its container."""
    svg = _render(chart, "svg", metadata={"Date": None}).decode("utf-8")
    return _accessible_svg(svg, chart)


def chart_png(chart: Chart, *, dpi: int = 150) -> bytes:
    """Return the chart as a PNG image (for the PDF)."""
    return _render(chart, "png", dpi=dpi, metadata={"Software": None})


def chart_description(chart: Chart) -> str:
    """Summarise the chart's data in words, for ``<desc>`` and text alternatives."""
    unit = f" ({chart['unit']})" if chart["unit"] else ""
    if not chart["labels"] or not any(series["values"] for series in chart["series"]):
        return f"{chart['title']}{unit}. " + _("No data.")
    parts = []
    first = chart["series"][0]["values"][0] if chart["series"][0]["values"] else None
    decimals = _decimals(chart)
    for series in chart["series"]:
        values = []
        for label, value in zip(chart["labels"], series["values"], strict=False):
            text = (
                _("suppressed") if value is None else _value_label(value, chart["unit"], decimals)
            )
            if chart["kind"] == "funnel" and value is not None and first:
                text += f" ({_value_label(100 * value / first, '%', 1)})"
            values.append(f"{label}: {text}")
        prefix = f"{series['name']} — " if len(chart["series"]) > 1 else ""
        parts.append(prefix + "; ".join(values) + ".")
    return f"{chart['title']}{unit}. " + " ".join(parts)


def _render(chart: Chart, fmt: str, **savefig_kwargs) -> bytes:
    buffer = io.BytesIO()
    with _figure(chart) as figure:
        figure.savefig(buffer, format=fmt, **savefig_kwargs)
    return buffer.getvalue()


@contextmanager
def _figure(chart: Chart) -> Iterator[Figure]:
    # The salt makes matplotlib's internal ids both stable and distinct between the charts
    # of one page.
    with _render_lock, matplotlib.rc_context({**_STYLE, "svg.hashsalt": _dom_id(chart)}):
        figure = Figure(figsize=(_WIDTH, _height(chart)), layout="constrained")
        FigureCanvasAgg(figure)
        axes = figure.add_subplot()
        drawer = _DRAWERS.get(chart["kind"])
        if drawer is None:
            raise ValueError(f"Unknown chart kind: {chart['kind']!r}")
        drawer(axes, chart)
        _legend(figure, chart)
        yield figure


def _height(chart: Chart) -> float:
    if chart["kind"] in ("hbar", "funnel"):
        bars_per_label = len(chart["series"]) if chart["kind"] == "hbar" else 1
        lines = max((len(_wrap(label, 22).splitlines()) for label in chart["labels"]), default=1)
        per_label = max(0.38 * max(1, bars_per_label), 0.19 * lines + 0.12)
        return min(12.0, 1.3 + per_label * len(chart["labels"]))
    # Upright bars: the labels beneath are wrapped narrow, so long ones (survey statements)
    # take many lines; without this room the bars had no height left at all.
    lines = max((len(_wrap(label, 10).splitlines()) for label in chart["labels"]), default=1)
    return min(12.0, max(3.6, 2.4 + 0.19 * lines))


def _draw_bar(axes, chart: Chart) -> None:
    count = len(chart["series"]) or 1
    width = 0.8 / count
    for index, series in enumerate(chart["series"]):
        offset = (index - (count - 1) / 2) * width
        _bars(axes, chart, index, series["values"], offset, width, horizontal=False)
    _category_axis(axes, chart, horizontal=False)


def _draw_hbar(axes, chart: Chart) -> None:
    count = len(chart["series"]) or 1
    height = 0.8 / count
    for index, series in enumerate(chart["series"]):
        offset = (index - (count - 1) / 2) * height
        _bars(axes, chart, index, series["values"], offset, height, horizontal=True)
    _category_axis(axes, chart, horizontal=True)


def _draw_funnel(axes, chart: Chart) -> None:
    values = chart["series"][0]["values"] if chart["series"] else []
    first = values[0] if values else None
    decimals = _decimals(chart)
    labels = []
    for value in values:
        if value is None:
            labels.append(None)
        elif first:
            share = _value_label(100 * value / first, "%", 1)
            labels.append(f"{_value_label(value, chart['unit'], decimals)} ({share})")
        else:
            labels.append(_value_label(value, chart["unit"], decimals))
    _bars(axes, chart, 0, values, 0, 0.7, horizontal=True, texts=labels)
    _category_axis(axes, chart, horizontal=True)


def _draw_stacked_bar(axes, chart: Chart) -> None:
    totals = [0.0] * len(chart["labels"])
    for index, series in enumerate(chart["series"]):
        for position, value in enumerate(series["values"]):
            if value is None:
                continue
            bar = axes.bar(position, value, 0.7, bottom=totals[position], color=_colour(index))
            bar.patches[0].set_gid(f"{_dom_id(chart)}-bar-{index}-{position}")
            totals[position] += value
    # A suppressed segment cannot keep its place: the bar shows what is known, marked on top.
    for position in range(len(chart["labels"])):
        if any(_value_at(series, position) is None for series in chart["series"]):
            axes.annotate(
                SUPPRESSED_MARK,
                (position, totals[position]),
                xytext=(0, 2),
                textcoords="offset points",
                ha="center",
                va="bottom",
                **_MARK_STYLE,
            )
    _category_axis(axes, chart, horizontal=False)


def _draw_line(axes, chart: Chart) -> None:
    positions = range(len(chart["labels"]))
    for index, series in enumerate(chart["series"]):
        # NaN breaks the line, so a suppressed value is a visible gap.
        values = [float("nan") if value is None else value for value in series["values"]]
        axes.plot(
            list(positions),
            values,
            marker="os^Dv<>"[index % 7],
            color=_colour(index),
            linewidth=2,
            gid=f"{_dom_id(chart)}-line-{index}",
        )
    _category_axis(axes, chart, horizontal=False)
    axes.set_xticks(list(positions), [_wrap(label, 10) for label in chart["labels"]])
    axes.set_ylim(bottom=0)
    axes.margins(x=0.08)


_DRAWERS = {
    "bar": _draw_bar,
    "hbar": _draw_hbar,
    "line": _draw_line,
    "stacked_bar": _draw_stacked_bar,
    "funnel": _draw_funnel,
}


def _bars(axes, chart, index, values, offset, size, *, horizontal, texts=None) -> None:
    """Draw one series as bars, leaving a marked gap where a value is suppressed."""
    shown = [(position, value) for position, value in enumerate(values) if value is not None]
    positions = [position + offset for position, _value in shown]
    heights = [value for _position, value in shown]
    draw = axes.barh if horizontal else axes.bar
    bars = draw(positions, heights, size, color=_colour(index))
    for bar, (position, _value) in zip(bars.patches, shown, strict=True):
        bar.set_gid(f"{_dom_id(chart)}-bar-{index}-{position}")
    if texts is None:
        decimals = _decimals(chart)
        texts = [_value_label(value, chart["unit"], decimals) for _position, value in shown]
    else:
        texts = [text for text in texts if text is not None]
    axes.bar_label(bars, labels=texts, padding=2, fontsize=9, color=INK)
    for position, value in enumerate(values):
        if value is None:
            axes.annotate(
                SUPPRESSED_MARK,
                (0, position + offset) if horizontal else (position + offset, 0),
                xytext=(3, 0) if horizontal else (0, 2),
                textcoords="offset points",
                ha="left" if horizontal else "center",
                va="center" if horizontal else "bottom",
                **_MARK_STYLE,
            )


def _category_axis(axes, chart: Chart, *, horizontal: bool) -> None:
    positions = list(range(len(chart["labels"])))
    value_axis = axes.xaxis if horizontal else axes.yaxis
    value_axis.set_major_formatter(FuncFormatter(lambda value, _pos: _value_label(value, "", None)))
    if horizontal:
        axes.set_yticks(positions, [_wrap(label, 22) for label in chart["labels"]])
        axes.invert_yaxis()  # first label on top, as read
        axes.set_xlabel(chart["unit"])
        axes.grid(axis="x")
        axes.margins(x=0.2)  # room for the value labels
        axes.tick_params(axis="y", length=0)
    else:
        axes.set_xticks(positions, [_wrap(label, 10) for label in chart["labels"]])
        axes.set_ylabel(chart["unit"])
        axes.grid(axis="y")
        axes.margins(y=0.12)
        axes.tick_params(axis="x", length=0)
    axes.set_axisbelow(True)


def _legend(figure: Figure, chart: Chart) -> None:
    handles, labels = [], []
    if len(chart["series"]) > 1:
        for index, series in enumerate(chart["series"]):
            handles.append(Patch(color=_colour(index)))
            labels.append(series["name"])
    if any(value is None for series in chart["series"] for value in series["values"]):
        handles.append(Patch(facecolor="none", edgecolor="none"))
        labels.append(f"{SUPPRESSED_MARK} {_('suppressed')}")
    if handles:
        # Long names go one per line so the legend stays inside a 360 px wide chart.
        columns = len(handles) if sum(len(label) + 4 for label in labels) <= 48 else 1
        figure.legend(handles, labels, loc="outside lower center", ncols=columns, fontsize=9)


def _accessible_svg(svg: str, chart: Chart) -> str:
    """Make matplotlib's SVG inline-ready: scalable, labelled, and allowed by our CSP."""
    svg = svg[svg.index("<svg") :]
    svg = re.sub(r"\s*<metadata>.*?</metadata>", "", svg, flags=re.DOTALL)
    # The site's CSP has no 'unsafe-inline' for styles, so style sheets and style attributes
    # would be dropped: they become SVG presentation attributes, which CSP does not govern.
    svg = re.sub(r"\s*<defs>\s*<style[^>]*>.*?</style>\s*</defs>", "", svg, flags=re.DOTALL)
    svg = re.sub(r'style="([^"]*)"', lambda match: _presentation_attributes(match[1]), svg)
    dom_id = _dom_id(chart)
    root_end = svg.index(">") + 1
    root = re.sub(r'\s(width|height)="[^"]*"', "", svg[: root_end - 1])
    root += (
        f' width="100%" role="img" aria-labelledby="{dom_id}-title {dom_id}-desc"'
        ' stroke-linejoin="round" stroke-linecap="butt">'
    )
    labels = (
        f'\n <title id="{dom_id}-title">{escape(chart["title"])}</title>'
        f'\n <desc id="{dom_id}-desc">{escape(chart_description(chart))}</desc>'
    )
    return root + labels + svg[root_end:].rstrip() + "\n"


def _presentation_attributes(style: str) -> str:
    attributes = []
    for declaration in style.split(";"):
        name, _sep, value = declaration.partition(":")
        if name.strip():
            attributes.append(f"{name.strip()}={quoteattr(value.strip())}")
    return " ".join(attributes)


def _dom_id(chart: Chart) -> str:
    return "chart-" + re.sub(r"[^A-Za-z0-9_-]", "-", chart["key"])


def _colour(index: int) -> str:
    return PALETTE[index % len(PALETTE)]


def _value_at(series, position: int) -> float | None:
    values = series["values"]
    return values[position] if position < len(values) else None


def _wrap(label: str, width: int) -> str:
    return "\n".join(textwrap.wrap(label, width, break_long_words=False)) or label


def _decimals(chart: Chart) -> int:
    """One decimal for the whole chart as soon as one value needs it, so labels line up."""
    values = [
        value for series in chart["series"] for value in series["values"] if value is not None
    ]
    return 0 if all(float(value).is_integer() for value in values) else 1


def _value_label(value: float, unit: str, decimals: int | None) -> str:
    if decimals is None:
        decimals = 0 if float(value).is_integer() else 1
    text = number_format(value, decimal_pos=decimals, force_grouping=True)
    return f"{text}\u00a0%" if unit == "%" else text
