"""Exports of a built report: one table as CSV, the whole report as XLSX and as PDF.

They only render ``reports.result.Report``: suppression has already happened in the builder,
and a suppressed cell is written as ``SUPPRESSED_MARK``.
"""

import csv
import datetime
import functools
import io
import re
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import matplotlib
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    Image,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from .charts import chart_png
from .result import SUPPRESSED_MARK, Column, Report
from .result import Table as ReportTable

BRAND = "#0b4f8a"
CHART_DPI = 150
ZEBRA = "#eef4fa"
NUMERIC_KINDS = ("int", "percent", "decimal")
# A spreadsheet would run a cell starting with one of these as a formula (CSV injection).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
XLSX_NUMBER_FORMATS = {
    "int": "#,##0",
    "percent": '0.0" %"',  # values are 0–100, not fractions
    "decimal": "#,##0.00",
    "date": "yyyy-mm-dd",
}


def report_filename(report: Report, extension: str) -> str:
    """Return the download name, e.g. ``liaison-report-2026-11-24.xlsx``."""
    day = report["generated_at"][:10]
    return f"liaison-report-{day}.{extension.lstrip('.')}"


def table_csv(report: Report, table_key: str) -> str:
    """Return one table as CSV: labels as header, raw numbers, suppressed cells as the mark."""
    table = _table(report, table_key)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(_csv_text(column["label"]) for column in table["columns"])
    for row in _cells(table):
        writer.writerow(_csv_value(value, suppressed) for value, suppressed in row)
    return buffer.getvalue()


def workbook_bytes(report: Report) -> bytes:
    """Return the report as an XLSX workbook: an "About" sheet, then one sheet per section."""
    workbook = Workbook()
    about = workbook.active
    about.title = _("About")
    _write_about(about, report)
    used_names = {about.title}
    for section in report["sections"]:
        sheet = workbook.create_sheet(_sheet_name(section["title"], used_names))
        _write_section(sheet, section)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def pdf_bytes(report: Report) -> bytes:
    """Return the report as an A4 portrait PDF: cover, then each section's text, charts, tables."""
    styles = _pdf_styles()
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=2 * cm,
        rightMargin=2 * cm,
        topMargin=2 * cm,
        bottomMargin=2 * cm,
        title=report["title"],
        author="Liaison",
        creator="Liaison",
        invariant=True,  # no creation date or random id: the same report gives the same bytes
    )
    story = _pdf_cover(report, styles)
    for section in report["sections"]:
        story.append(PageBreak())
        # Charts leave room for their caption on the page.
        story.extend(_pdf_section(section, styles, document.width, document.height - 2 * cm))

    def footer(canvas, doc):
        canvas.saveState()
        canvas.setFont(styles["small"].fontName, 8)
        canvas.setFillColor(colors.HexColor("#4a5360"))
        canvas.drawString(doc.leftMargin, 1.2 * cm, report["title"])
        page = _("Page %(number)s") % {"number": doc.page}
        canvas.drawRightString(doc.leftMargin + doc.width, 1.2 * cm, page)
        canvas.restoreState()

    document.build(story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()


def suppression_note(report: Report) -> str:
    """Explain the suppression rule in one sentence, for every export's reader."""
    return _(
        "Figures built from fewer than %(min_cell)s trainees are not shown, to protect "
        "their privacy; such cells contain %(mark)s."
    ) % {"min_cell": report["min_cell"], "mark": SUPPRESSED_MARK}


def _table(report: Report, table_key: str) -> ReportTable:
    for section in report["sections"]:
        for table in section["tables"]:
            if table["key"] == table_key:
                return table
    raise KeyError(table_key)


def _cells(table: ReportTable):
    """Yield each row as ``(value, suppressed)`` pairs, in column order."""
    suppressed = {(index, key) for index, key in table["suppressed"]}
    keys = [column["key"] for column in table["columns"]]
    for index, row in enumerate(table["rows"]):
        yield [(value, (index, key) in suppressed) for value, key in zip(row, keys, strict=True)]


def _csv_value(value: Any, suppressed: bool) -> Any:
    if suppressed:
        return SUPPRESSED_MARK
    if value is None:
        return ""
    if isinstance(value, str):
        return _csv_text(value)
    return value


def _csv_text(text: str) -> str:
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


# XLSX


def _write_about(sheet, report: Report) -> None:
    sheet["A1"] = _text(report["title"])
    sheet["A1"].font = Font(bold=True, size=14, color=BRAND[1:])
    lines = [
        (_("Generated"), _generated_label(report["generated_at"])),
        *((_("Filter"), label) for label in report["filter_labels"]),
        (_("Minimum cell size"), report["min_cell"]),
        (_("Suppression"), suppression_note(report)),
    ]
    for row, (label, value) in enumerate(lines, start=3):
        sheet.cell(row, 1, _text(label)).font = Font(bold=True)
        cell = sheet.cell(row, 2, _text(value) if isinstance(value, str) else value)
        cell.alignment = Alignment(wrap_text=True, vertical="top", horizontal="left")
    sheet.column_dimensions["A"].width = 22
    sheet.column_dimensions["B"].width = 90


def _write_section(sheet, section) -> None:
    sheet["A1"] = _text(section["title"])
    sheet["A1"].font = Font(bold=True, size=14, color=BRAND[1:])
    row = 2
    for sentence in section["summary"]:
        sheet.cell(row, 1, _text(sentence))
        row += 1
    widths: dict[int, int] = {}
    header_fill = PatternFill("solid", fgColor=BRAND[1:])
    for table in section["tables"]:
        row += 1
        sheet.cell(row, 1, _text(table["title"])).font = Font(bold=True, size=12)
        row += 1
        for position, column in enumerate(table["columns"], start=1):
            cell = sheet.cell(row, position, _text(column["label"]))
            cell.font = Font(bold=True, color="FFFFFF")
            cell.fill = header_fill
            cell.alignment = Alignment(
                wrap_text=True,
                vertical="top",
                horizontal="right" if column["kind"] in NUMERIC_KINDS else "left",
            )
            widths[position] = max(widths.get(position, 0), min(len(column["label"]), 30))
        if not sheet.freeze_panes:
            sheet.freeze_panes = sheet.cell(row + 1, 1)
        for cells in _cells(table):
            row += 1
            for position, (column, (value, suppressed)) in enumerate(
                zip(table["columns"], cells, strict=True), start=1
            ):
                cell = sheet.cell(row, position)
                _xlsx_value(cell, column, value, suppressed)
                widths[position] = max(
                    widths.get(position, 0), len(_display_text(column, value, suppressed))
                )
        for note in table["notes"]:
            row += 1
            sheet.cell(row, 1, _text(note)).font = Font(italic=True, color="4A5360")
        row += 1
    for position, width in widths.items():
        sheet.column_dimensions[get_column_letter(position)].width = min(max(width + 2, 10), 60)


def _xlsx_value(cell, column: Column, value: Any, suppressed: bool) -> None:
    if suppressed:
        cell.value = SUPPRESSED_MARK
        cell.data_type = "s"
        cell.alignment = Alignment(horizontal="right")
        return
    if column["kind"] == "date" and isinstance(value, str):
        value = _date_or_text(value)
    cell.value = _text(value) if isinstance(value, str) else value
    if isinstance(value, str):
        # openpyxl reads a string starting with "=" as a formula: data never becomes one.
        cell.data_type = "s"
    elif column["kind"] in XLSX_NUMBER_FORMATS:
        cell.number_format = XLSX_NUMBER_FORMATS[column["kind"]]
    if column["kind"] == "text":
        cell.alignment = Alignment(wrap_text=True, vertical="top")


def _date_or_text(value: str) -> datetime.date | str:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        return value


def _text(value: str) -> str:
    # Control characters make openpyxl refuse the whole workbook.
    return ILLEGAL_CHARACTERS_RE.sub("", value)


_FORBIDDEN_IN_SHEET_NAME = re.compile(r"[\[\]:*?/\\]")


def _sheet_name(title: str, used: set[str]) -> str:
    """Return a valid, unique sheet name (at most 31 characters) for a section title."""
    base = _FORBIDDEN_IN_SHEET_NAME.sub(" ", title).strip(" '")[:31].strip() or _("Section")
    name, number = base, 1
    while name.casefold() in {used_name.casefold() for used_name in used}:
        number += 1
        suffix = f" ({number})"
        name = base[: 31 - len(suffix)].rstrip() + suffix
    used.add(name)
    return name


# PDF


@functools.cache
def _pdf_fonts() -> tuple[str, str, str]:
    """Register DejaVu Sans from matplotlib's own fonts: full Unicode, no system package."""
    directory = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    names = ("LiaisonReport", "LiaisonReport-Bold", "LiaisonReport-Italic")
    files = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf")
    for name, file in zip(names, files, strict=True):
        pdfmetrics.registerFont(TTFont(name, str(directory / file)))
    pdfmetrics.registerFontFamily(
        names[0], normal=names[0], bold=names[1], italic=names[2], boldItalic=names[1]
    )
    return names


def _pdf_styles() -> dict[str, ParagraphStyle]:
    regular, bold, italic = _pdf_fonts()
    base = getSampleStyleSheet()
    brand = colors.HexColor(BRAND)
    return {
        "title": ParagraphStyle(
            "title",
            base["Title"],
            fontName=bold,
            fontSize=24,
            leading=30,
            textColor=brand,
            alignment=0,
            spaceAfter=18,
        ),
        "h1": ParagraphStyle(
            "h1", base["Heading1"], fontName=bold, fontSize=18, leading=22, textColor=brand
        ),
        "h2": ParagraphStyle("h2", base["Heading2"], fontName=bold, fontSize=12, leading=15),
        "body": ParagraphStyle("body", base["BodyText"], fontName=regular, fontSize=10, leading=14),
        "small": ParagraphStyle(
            "small",
            base["BodyText"],
            fontName=italic,
            fontSize=8,
            leading=10,
            textColor=colors.HexColor("#4a5360"),
        ),
        "cell": ParagraphStyle("cell", fontName=regular, fontSize=8, leading=10),
        "number": ParagraphStyle(
            "number", fontName=regular, fontSize=8, leading=10, alignment=TA_RIGHT
        ),
        "header": ParagraphStyle(
            "header", fontName=bold, fontSize=8, leading=10, textColor=colors.white
        ),
        "header_number": ParagraphStyle(
            "header_number",
            fontName=bold,
            fontSize=8,
            leading=10,
            textColor=colors.white,
            alignment=TA_RIGHT,
        ),
    }


def _pdf_cover(report: Report, styles) -> list:
    story = [Spacer(1, 4 * cm), Paragraph(escape(report["title"]), styles["title"])]
    for label in report["filter_labels"]:
        story.append(Paragraph(escape(label), styles["body"]))
    generated = _("Generated: %(date)s") % {"date": _generated_label(report["generated_at"])}
    story += [
        Paragraph(escape(generated), styles["body"]),
        Spacer(1, 1 * cm),
        Paragraph(escape(suppression_note(report)), styles["body"]),
        Spacer(1, 1 * cm),
        Paragraph(escape(_("Contents")), styles["h2"]),
    ]
    story += [Paragraph(escape(section["title"]), styles["body"]) for section in report["sections"]]
    return story


def _pdf_image(png: bytes, width: float, height: float) -> Image:
    """Draw a chart at its own size, so its text matches the body; shrink it to fit the frame."""
    image = Image(io.BytesIO(png))
    natural_width = image.imageWidth * 72 / CHART_DPI
    natural_height = image.imageHeight * 72 / CHART_DPI
    scale = min(1, width / natural_width, height / natural_height)
    image.drawWidth, image.drawHeight = natural_width * scale, natural_height * scale
    image.hAlign = "LEFT"
    return image


def _pdf_section(section, styles, width: float, height: float) -> list:
    story = [Paragraph(escape(section["title"]), styles["h1"])]
    story += [Paragraph(escape(sentence), styles["body"]) for sentence in section["summary"]]
    for chart in section["charts"]:
        story.append(
            KeepTogether(
                [
                    Spacer(1, 0.4 * cm),
                    Paragraph(escape(chart["title"]), styles["h2"]),
                    _pdf_image(chart_png(chart, dpi=CHART_DPI), width, height),
                ]
            )
        )
    for table in section["tables"]:
        story += [Spacer(1, 0.4 * cm), Paragraph(escape(table["title"]), styles["h2"])]
        story.append(_pdf_table(table, styles, width))
        story += [Paragraph(escape(note), styles["small"]) for note in table["notes"]]
    return story


def _pdf_table(table: ReportTable, styles, width: float) -> Table:
    columns = table["columns"]
    header = [
        Paragraph(
            escape(column["label"]),
            styles["header_number" if column["kind"] in NUMERIC_KINDS else "header"],
        )
        for column in columns
    ]
    data = [header]
    for cells in _cells(table):
        data.append(
            [
                Paragraph(
                    escape(_display_text(column, value, suppressed)),
                    styles["number" if column["kind"] in NUMERIC_KINDS else "cell"],
                )
                for column, (value, suppressed) in zip(columns, cells, strict=True)
            ]
        )
    pdf_table = Table(data, colWidths=_column_widths(table, width), repeatRows=1)
    pdf_table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(BRAND)),
                ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor(ZEBRA)]),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, 0), 0.5, colors.HexColor(BRAND)),
                ("LINEBELOW", (0, -1), (-1, -1), 0.5, colors.HexColor("#d5dae0")),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return pdf_table


def _column_widths(table: ReportTable, width: float) -> list[float]:
    """Share the frame width by content length; numbers need little, text gets the rest."""
    lengths = []
    for position, column in enumerate(table["columns"]):
        texts = [column["label"]] + [
            _display_text(column, cells[position][0], cells[position][1]) for cells in _cells(table)
        ]
        # A header's words are not split: its longest word sets the least width.
        longest = max(*(len(text) for text in texts), *map(len, column["label"].split()))
        lengths.append(min(max(longest, 6), 60 if column["kind"] == "text" else 14))
    total = sum(lengths)
    return [width * length / total for length in lengths]


def _display_text(column: Column, value: Any, suppressed: bool) -> str:
    """Format one cell for reading (PDF, XLSX column widths): localised numbers, percent sign."""
    if suppressed:
        return SUPPRESSED_MARK
    if value is None:
        return ""
    kind = column["kind"]
    if kind == "int":
        return number_format(value, decimal_pos=0, force_grouping=True)
    if kind == "percent":
        return number_format(value, decimal_pos=1) + "\u00a0%"
    if kind == "decimal":
        return number_format(value, decimal_pos=2, force_grouping=True)
    return str(value)


def _generated_label(generated_at: str) -> str:
    try:
        moment = datetime.datetime.fromisoformat(generated_at)
    except ValueError:
        return generated_at
    return moment.strftime("%Y-%m-%d %H:%M")
