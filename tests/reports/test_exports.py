"""Exports of a built report: CSV, XLSX and PDF, with suppressed cells as the mark."""

import copy
import csv
import io

import pytest
from openpyxl import load_workbook

from reports.exports import pdf_bytes, report_filename, table_csv, workbook_bytes
from reports.result import SUPPRESSED_MARK
from tests.reports.sample import sample_report

FORMULAS = ["=HYPERLINK(\"http://evil\")", "+32 2 555 01 01", "-1+2", "@SUM(A1)", "\tx", "\rx"]


@pytest.fixture
def report():
    return sample_report()


def reach_table(report):
    return report["sections"][0]["tables"][0]


def with_formula_cells(report):
    """Return a copy of the report whose reach table holds formula-like text."""
    report = copy.deepcopy(report)
    table = reach_table(report)
    table["rows"] = [[text, 10, 9, 8, -3.5] for text in FORMULAS]
    table["suppressed"] = []
    return report


def read_csv(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def test_report_filename(report):
    assert report_filename(report, "xlsx") == "liaison-report-2026-11-24.xlsx"
    assert report_filename(report, ".pdf") == "liaison-report-2026-11-24.pdf"


# CSV


def test_csv_has_the_column_labels_then_raw_numbers(report):
    rows = read_csv(table_csv(report, "reach-by-group"))

    assert rows[0] == ["Target group", "Enrolled", "Started", "Completed", "Completion rate"]
    assert rows[1] == ["Police", "642", "611", "548", "85.4"]  # percent as a plain number
    assert len(rows) == 1 + len(reach_table(report)["rows"])


def test_csv_writes_suppressed_cells_as_the_mark(report):
    rows = read_csv(table_csv(report, "reach-by-group"))

    assert rows[5] == ["Immigration Office (DVZ/OE) liaison officers"] + [SUPPRESSED_MARK] * 4


def test_csv_leaves_a_missing_but_not_suppressed_cell_empty(report):
    reach_table(report)["rows"][0][4] = None

    assert read_csv(table_csv(report, "reach-by-group"))[1][4] == ""


def test_csv_guards_text_against_formula_injection(report):
    rows = read_csv(table_csv(with_formula_cells(report), "reach-by-group"))

    assert [row[0] for row in rows[1:]] == ["'" + text for text in FORMULAS]
    assert {row[4] for row in rows[1:]} == {"-3.5"}  # numbers stay numbers


def test_csv_of_an_unknown_table(report):
    with pytest.raises(KeyError):
        table_csv(report, "nope")


# XLSX


def open_workbook(report):
    return load_workbook(io.BytesIO(workbook_bytes(report)))


def find_row(sheet, first_value) -> int:
    for row in sheet.iter_rows(min_col=1, max_col=1):
        if row[0].value == first_value:
            return row[0].row
    raise AssertionError(f"{first_value!r} not in {sheet.title}")


def test_xlsx_has_an_about_sheet_then_one_sheet_per_section(report):
    workbook = open_workbook(report)

    assert workbook.sheetnames == ["About"] + [section["title"] for section in report["sections"]]
    about = [value for row in workbook["About"].iter_rows(values_only=True) for value in row]
    assert report["title"] in about
    assert "Period: 2026-01-01 – 2026-10-31" in about
    assert 5 in about
    assert any(isinstance(value, str) and "fewer than 5 trainees" in value for value in about)


def test_xlsx_writes_summary_title_header_values_and_marks(report):
    sheet = open_workbook(report)["Reach and participation"]

    assert sheet["A2"].value == report["sections"][0]["summary"][0]
    header = find_row(sheet, "Target group")
    assert sheet.cell(header - 1, 1).value == "Enrolments by target group"
    assert sheet.cell(header - 1, 1).font.b
    assert sheet.cell(header, 1).font.b
    assert [cell.value for cell in sheet[header + 1]][:5] == ["Police", 642, 611, 548, 85.4]
    assert sheet.cell(header + 1, 5).number_format == '0.0" %"'
    assert sheet.cell(header + 1, 2).number_format == "#,##0"
    assert [cell.value for cell in sheet[header + 5]][1:5] == [SUPPRESSED_MARK] * 4
    assert sheet.freeze_panes == f"A{header + 1}"
    assert sheet.column_dimensions["A"].width > 30


def test_xlsx_writes_dates_as_dates(report):
    sheet = open_workbook(report)["Results (level 4)"]

    cell = sheet.cell(find_row(sheet, "Indicator") + 1, 5)

    assert cell.is_date
    assert cell.value.date().isoformat() == "2026-09-30"


def test_xlsx_never_holds_a_formula(report):
    workbook = open_workbook(with_formula_cells(report))

    sheet = workbook["Reach and participation"]
    first = find_row(sheet, "Target group") + 1
    values = [sheet.cell(first + index, 1).value for index in range(len(FORMULAS))]
    assert values == [text.replace("\r", "\n") for text in FORMULAS]  # XML normalises CR
    cells = [cell for sheet in workbook for row in sheet.iter_rows() for cell in row]
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"]


def test_xlsx_sheet_names_are_valid_and_unique(report):
    report["sections"][0]["title"] = "Reach: who [really] took part? A/B\\C *and* more words"
    report["sections"][1]["title"] = report["sections"][0]["title"]
    report["sections"][2]["title"] = "about"

    names = open_workbook(report).sheetnames

    assert len(set(names)) == len(names)
    for name in names:
        assert len(name) <= 31
        assert not set(name) & set("[]:*?/\\")
    assert names[1].startswith("Reach  who")
    assert names[2].endswith("(2)")
    assert names[3] == "about (2)"


# PDF


def pdf_text(data: bytes) -> list[str]:
    pdfium = pytest.importorskip("pypdfium2")
    document = pdfium.PdfDocument(data)
    return [page.get_textpage().get_text_range() for page in document]


def test_pdf_has_a_cover_and_every_section(report):
    data = pdf_bytes(report)

    assert data.startswith(b"%PDF")
    pages = pdf_text(data)
    assert "Generated: 2026-11-24 08:15" in pages[0]
    assert "fewer than 5 trainees" in pages[0]
    text = "\n".join(pages[1:])
    for section in report["sections"]:
        assert section["title"] in text
    assert "Page 2" in pages[1]


def test_pdf_prints_accents_euro_and_the_mark(report):
    text = "\n".join(pdf_text(pdf_bytes(report)))

    for word in ["Comité P", "Coördinatie", "€ 412,600", "l’interprète", "85.4 %"]:
        assert word in text.replace("\u00a0", " ")
    assert "Immigration Office · · · · ·" in text


def test_pdf_splits_a_long_table_and_repeats_its_header(report):
    table = reach_table(report)
    table["rows"] = [[f"Police zone {index}", 10, 9, 8, 80.0] for index in range(150)]
    table["suppressed"] = []
    report["sections"] = report["sections"][:1]

    pages = pdf_text(pdf_bytes(report))

    assert len(pages) >= 4
    assert "Police zone 149" in pages[-1]
    assert sum("Target group Enrolled" in page for page in pages) >= 2


def test_pdf_is_deterministic(report):
    assert pdf_bytes(report) == pdf_bytes(report)


def test_a_report_whose_questions_and_statements_hold_dollar_signs_renders(report):
    # A question text and a survey statement reach the charts as labels and series names;
    # between two dollar signs matplotlib would read maths, and "\\frac{" is none.
    question, statement = "Costs in $ and $$x^2$ \\frac{", "$\\frac{$ worth it"
    for section in report["sections"]:
        for chart in section["charts"]:
            chart["labels"] = [statement, question, *chart["labels"][2:]]
            for series in chart["series"]:
                series["name"] = f"{statement} {series['name']}"

    assert pdf_bytes(report).startswith(b"%PDF-")
