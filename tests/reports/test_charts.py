"""Charts of a built report: accessible inline SVG and PNG, suppressed values as gaps."""

import contextlib
import io
import re
import warnings
import xml.etree.ElementTree as ET

import pytest
from PIL import Image

from reports.charts import chart_description, chart_png, chart_svg
from reports.result import SUPPRESSED_MARK
from tests.reports.sample import sample_report

SVG = "{http://www.w3.org/2000/svg}"
KINDS = ["bar", "hbar", "line", "stacked_bar", "funnel"]


def make_chart(kind="bar", series=(("Trainees", [120, None, 45]),), **overrides):
    chart = {
        "key": "test-chart",
        "title": "Trainees by target group",
        "kind": kind,
        "labels": ["Police", "Municipal staff", "Civil society"],
        "series": [{"name": name, "values": values} for name, values in series],
        "unit": "trainees",
    }
    return chart | overrides


def bar_ids(svg: str) -> list[str]:
    return re.findall(r'id="(chart-test-chart-bar-\d+-\d+)"', svg)


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)  # noqa: S314 - our own output, not untrusted input


def texts(svg: str) -> list[str]:
    root = parse(svg)
    return ["".join(element.itertext()) for element in root.iter(f"{SVG}text")]


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_is_accessible_scalable_svg(kind):
    svg = chart_svg(make_chart(kind))

    root = parse(svg)  # well-formed, and no XML declaration before the root
    assert svg.startswith("<svg")
    assert root.get("role") == "img"
    assert root.get("width") == "100%"
    assert root.get("height") is None
    assert root.get("viewBox").startswith("0 0 360 ")
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title.text == "Trainees by target group"
    assert "Police: 120" in desc.text
    assert "Municipal staff: suppressed" in desc.text
    assert root.get("aria-labelledby").split() == [title.get("id"), desc.get("id")]


@pytest.mark.parametrize("kind", KINDS)
def test_the_svg_needs_no_inline_styles_so_the_csp_allows_it(kind):
    # style-src 'self' drops style elements and attributes; presentation attributes remain.
    svg = chart_svg(make_chart(kind))

    assert "style=" not in svg
    assert "<style" not in svg
    assert "<script" not in svg
    assert 'fill="#0b4f8a"' in svg


def test_one_bar_per_value_and_a_marked_gap_for_a_suppressed_one():
    svg = chart_svg(make_chart("bar"))

    assert bar_ids(svg) == ["chart-test-chart-bar-0-0", "chart-test-chart-bar-0-2"]
    assert SUPPRESSED_MARK in texts(svg)  # drawn in the gap, so it does not read as zero
    assert f"{SUPPRESSED_MARK} suppressed" in texts(svg)  # legend note


def test_grouped_bars_draw_each_series():
    chart = make_chart(series=(("Pre-test", [55.0, 52.5, None]), ("Post-test", [80.0, 77.5, 84.0])))

    svg = chart_svg(chart)

    assert len(bar_ids(svg)) == 5
    assert {"Pre-test", "Post-test"} <= set(texts(svg))
    assert "Post-test — Police: 80.0" in parse(svg).find(f"{SVG}desc").text


def test_without_suppressed_values_there_is_no_legend_note():
    svg = chart_svg(make_chart(series=(("Trainees", [120, 80, 45]),)))

    assert len(bar_ids(svg)) == 3
    assert not any("suppressed" in text for text in texts(svg))


def test_a_stacked_bar_skips_suppressed_segments():
    chart = make_chart(
        "stacked_bar", series=(("Police", [10, 20, None]), ("Civil society", [5, 6, 7]))
    )

    assert len(bar_ids(chart_svg(chart))) == 5


def test_the_funnel_shows_the_share_of_the_first_stage():
    chart = make_chart("funnel", series=(("Trainees", [200, 150, 50]),))

    labels = texts(chart_svg(chart))

    assert "150 (75.0\u00a0%)" in labels
    assert "50 (25.0\u00a0%)" in labels


def test_a_suppressed_point_breaks_the_line():
    chart = make_chart("line", series=(("Trainees", [10, None, 30, 40]),))
    chart["labels"].append("Other")

    svg = chart_svg(chart)

    line = re.search(r'id="chart-test-chart-line-0">\s*<path d="([^"]*)"', svg)[1]
    assert line.count("M") == 2  # two pieces: before and after the gap


@pytest.mark.parametrize("kind", KINDS)
def test_a_chart_without_labels_is_described_as_having_no_data(kind):
    # The builder leaves such charts out, but a chart may still be rendered on its own.
    for series in ((), (("Trainees", []),)):
        with_no_labels = make_chart(kind, series=series, labels=[])

        assert chart_description(with_no_labels) == "Trainees by target group (trainees). No data."
        desc = parse(chart_svg(with_no_labels)).find(f"{SVG}desc")
        assert desc.text == "Trainees by target group (trainees). No data."


def test_the_svg_is_deterministic_and_has_no_metadata():
    assert chart_svg(make_chart()) == chart_svg(make_chart())
    assert "metadata" not in chart_svg(make_chart())


def test_ids_differ_between_charts_of_one_page():
    # Same data, another key: the clip paths of two charts on one page must not collide.
    first = chart_svg(make_chart())
    second = chart_svg(make_chart(key="other"))

    clip_ids = re.compile(r'<clipPath id="([^"]+)"')
    assert clip_ids.findall(first)
    assert not set(clip_ids.findall(first)) & set(clip_ids.findall(second))
    assert 'aria-labelledby="chart-other-title chart-other-desc"' in second


def test_titles_and_labels_are_escaped():
    chart = make_chart(title="Scores <b> & “quotes”", labels=["A & B", "<C>", "D"])

    root = parse(chart_svg(chart))

    assert root.find(f"{SVG}title").text == "Scores <b> & “quotes”"
    assert "<C>: suppressed" in root.find(f"{SVG}desc").text


def test_an_unknown_kind_is_refused():
    with pytest.raises(ValueError, match="pie"):
        chart_svg(make_chart("pie"))


@pytest.mark.parametrize("kind", KINDS)
def test_png_for_every_kind(kind):
    png = chart_png(make_chart(kind), dpi=72)

    assert png.startswith(b"\x89PNG\r\n\x1a\n")


@pytest.mark.parametrize("kind", ["bar", "stacked_bar"])
def test_long_labels_under_upright_bars_leave_the_bars_room(kind):
    # Survey statements as labels, as in the reaction section: the figure grows for them
    # instead of matplotlib giving up its layout ("axes sizes collapsed to zero").
    labels = [
        f"Forced return and identification for field services: your opinion: statement {n}"
        for n in range(12)
    ]
    chart = make_chart(kind, series=(("Agree", [50] * 12), ("Disagree", [50] * 12)))
    chart["labels"] = labels

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        png = chart_png(chart, dpi=50)

    _width, height = Image.open(io.BytesIO(png)).size
    assert height > 3.6 * 50  # taller than a chart of short labels


def test_png_resolution_follows_dpi():
    small = Image.open(io.BytesIO(chart_png(make_chart(), dpi=50)))
    large = Image.open(io.BytesIO(chart_png(make_chart(), dpi=100)))

    assert small.width == 250  # 5 inches wide
    assert large.width == 2 * small.width


def test_the_sample_report_uses_every_kind_and_renders():
    charts = [chart for section in sample_report()["sections"] for chart in section["charts"]]

    assert {chart["kind"] for chart in charts} == set(KINDS)
    for chart in charts:
        parse(chart_svg(chart))


MATHS = "Costs in $ and $$x^2$ \\frac{"
STATEMENT = "The course was worth its $ (and $5)"
BROKEN = "$\\frac{$"  # not even valid maths: the parser raised and the report failed


@pytest.mark.parametrize("kind", KINDS)
def test_dollar_signs_in_user_text_are_drawn_literally(kind):
    # Question texts and survey statements are the labels, series names and title: a `$` in
    # them must never start matplotlib's maths parser, which failed on this text.
    chart = make_chart(
        kind,
        series=((MATHS, [3, None, 1]), (STATEMENT, [1, 2, 3])),
        title=MATHS,
        labels=[MATHS, STATEMENT, BROKEN],
        unit="$",
    )

    svg = chart_svg(chart)

    drawn = "".join("".join(texts(svg)).split())  # labels are wrapped: compare without spaces
    for text in (MATHS, STATEMENT, BROKEN):
        assert "".join(text.split()) in drawn
    assert chart_png(chart, dpi=50).startswith(b"\x89PNG")


def test_a_chart_after_one_with_dollar_signs_renders_as_before():
    plain = chart_svg(make_chart())
    with contextlib.suppress(ValueError):
        chart_svg(make_chart(labels=[MATHS, STATEMENT, BROKEN]))

    assert chart_svg(make_chart()) == plain
