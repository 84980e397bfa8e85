"""Report pages: ask for a report, follow its progress, read it, download it; the dashboard.

Programme managers and admins only; every view checks it on the server. Files are served
through these views, never from a public media address.
"""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from . import builder, charts, exports, services
from .data import user_can_read_reports
from .forms import ReportFilterForm
from .models import ReportRun
from .result import SUPPRESSED_MARK, Chart, Report, Table

RUNS_LISTED = 30
# Rendered charts of a finished run never change: keep them an hour.
CHART_CACHE_SECONDS = 60 * 60
_NUMERIC_KINDS = ("int", "percent", "decimal")


def programme_manager_required(view: Callable) -> Callable:
    """Anonymous visitors go to the login page; signed-in users without the role get 403."""

    @wraps(view)
    @login_required
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not user_can_read_reports(request.user):
            raise PermissionDenied(_("Reports are for programme managers."))
        return view(request, *args, **kwargs)

    return wrapped


# --- Rendering helpers ---------------------------------------------------------------------


def format_value(value: Any, kind: str) -> str:
    """A cell as text in the current language: grouped integers, percent with one decimal."""
    if value is None:
        return "–"
    if isinstance(value, str) or kind not in _NUMERIC_KINDS:
        return str(value)
    # number_format truncates to decimal_pos: round first.
    if kind == "int":
        return number_format(round(value), decimal_pos=0, use_l10n=True, force_grouping=True)
    if kind == "percent":
        return f"{number_format(round(value, 1), decimal_pos=1, use_l10n=True)} %"
    # Decimals come rounded from the builder (2 places, 3 below 1): shown as they are.
    return number_format(value, use_l10n=True, force_grouping=True)


def _table_context(run: ReportRun, table: Table) -> dict[str, Any]:
    hidden = {(row, column) for row, column in table["suppressed"]}
    rows = []
    for index, row in enumerate(table["rows"]):
        cells = []
        for column, value in zip(table["columns"], row, strict=True):
            suppressed = (index, column["key"]) in hidden
            cells.append(
                {
                    "text": SUPPRESSED_MARK if suppressed else format_value(value, column["kind"]),
                    "numeric": column["kind"] in _NUMERIC_KINDS,
                    "suppressed": suppressed,
                }
            )
        rows.append(cells)
    return {
        "key": table["key"],
        "title": table["title"],
        "columns": table["columns"],
        "rows": rows,
        "notes": table["notes"],
        "has_suppressed": bool(hidden),
        "csv_url": reverse("reports:run_csv", args=[run.pk, table["key"]]),
    }


def _chart_svg(run: ReportRun, chart: Chart) -> str:
    """The chart's SVG, from the cache when this run's chart was drawn before."""
    finished = run.finished_at.timestamp() if run.finished_at else 0
    key = f"reports:svg:{run.pk}:{finished}:{get_language()}:{chart['key']}"
    svg = cache.get(key)
    if svg is None:
        svg = charts.chart_svg(chart)
        cache.set(key, svg, CHART_CACHE_SECONDS)
    # chart_svg escapes every label and value it writes: its markup is safe to inline.
    return mark_safe(svg)  # noqa: S308


def _sections_context(run: ReportRun, report: Report) -> list[dict[str, Any]]:
    return [
        {
            "key": section["key"],
            "title": section["title"],
            "summary": section["summary"],
            "tables": [_table_context(run, table) for table in section["tables"]],
            "charts": [
                {"title": chart["title"], "svg": _chart_svg(run, chart)}
                for chart in section["charts"]
            ],
        }
        for section in report["sections"]
    ]


def _run_or_404(pk: int) -> ReportRun:
    return get_object_or_404(ReportRun.objects.select_related("requested_by"), pk=pk)


def _done_report_or_404(pk: int) -> tuple[ReportRun, Report]:
    run = _run_or_404(pk)
    if run.status != ReportRun.Status.DONE or not run.result:
        raise Http404(_("This report is not ready."))
    return run, run.result


# --- Views ---------------------------------------------------------------------------------


@never_cache
@require_http_methods(["GET", "POST"])
@programme_manager_required
def run_list(request: HttpRequest) -> HttpResponse:
    """The filter form and the latest runs; a valid form queues a run and opens its page."""
    form = ReportFilterForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            run = services.report_run_request(user=request.user, filters=form.filters())
        except ValidationError as error:
            for field, errors in error.message_dict.items():
                form.add_error(None if field == "__all__" else field, errors)
        else:
            messages.success(request, _("Your report is being prepared."))
            return redirect("reports:run", pk=run.pk)
    runs = ReportRun.objects.select_related("requested_by")[:RUNS_LISTED]
    status = 400 if form.is_bound and form.errors else 200
    return render(request, "reports/run_list.html", {"form": form, "runs": runs}, status=status)


@never_cache
@require_GET
@programme_manager_required
def run_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A run: its progress while it is built, its error when it failed, then the report."""
    run = _run_or_404(pk)
    context: dict[str, Any] = {"run": run, "mark": SUPPRESSED_MARK}
    if run.status == ReportRun.Status.DONE and run.result:
        report = run.result
        context.update(report=report, sections=_sections_context(run, report))
    return render(request, "reports/run_detail.html", context)


@never_cache
@require_GET
@programme_manager_required
def run_status(request: HttpRequest, pk: int) -> JsonResponse:
    """The run's status and progress, polled by reports/progress.js."""
    run = get_object_or_404(ReportRun.objects.only("status", "progress"), pk=pk)
    return JsonResponse(
        {
            "status": run.status,
            "status_label": str(run.get_status_display()),
            "progress": run.progress,
            "finished": run.status in (ReportRun.Status.DONE, ReportRun.Status.FAILED),
        }
    )


@require_POST
@programme_manager_required
def run_retry(request: HttpRequest, pk: int) -> HttpResponse:
    """Queue a failed run again."""
    run = _run_or_404(pk)
    try:
        services.report_run_retry(run=run)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The report is being prepared again."))
    return redirect("reports:run", pk=run.pk)


@never_cache
@require_GET
@programme_manager_required
def run_csv(request: HttpRequest, pk: int, table_key: str) -> HttpResponse:
    """One table of a finished report as CSV."""
    _run, report = _done_report_or_404(pk)
    try:
        text = exports.table_csv(report, table_key)
    except KeyError as error:
        raise Http404(_("This report has no such table.")) from error
    stem = exports.report_filename(report, "csv").removesuffix(".csv")
    response = HttpResponse(text, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{stem}-{table_key}.csv"'
    return response


def _file_response(run: ReportRun, field_name: str, content_type: str) -> FileResponse:
    services.report_run_files_ensure(run=run)
    run.refresh_from_db(fields=["xlsx", "pdf"])
    file_field = getattr(run, field_name)
    return FileResponse(
        file_field.open("rb"),
        as_attachment=True,
        filename=exports.report_filename(run.result, field_name),
        content_type=content_type,
    )


@never_cache
@require_GET
@programme_manager_required
def run_xlsx(request: HttpRequest, pk: int) -> FileResponse:
    """The finished report as an XLSX workbook (rendered again if the file went missing)."""
    run, _report = _done_report_or_404(pk)
    return _file_response(
        run, "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )


@never_cache
@require_GET
@programme_manager_required
def run_pdf(request: HttpRequest, pk: int) -> FileResponse:
    """The finished report as a PDF (rendered again if the file went missing)."""
    run, _report = _done_report_or_404(pk)
    return _file_response(run, "pdf", "application/pdf")


def dashboard_run() -> ReportRun | None:
    """The latest finished report over the whole programme (no filter but the period)."""
    programme_wide = Q()
    for key in ("courses", "topics", "audiences", "organisations", "cities", "cohorts"):
        programme_wide &= ~Q(filters__has_key=key)
    return (
        ReportRun.objects.filter(programme_wide, status=ReportRun.Status.DONE)
        .order_by("-finished_at", "-pk")
        .first()
    )


@never_cache
@require_GET
@programme_manager_required
def dashboard(request: HttpRequest) -> HttpResponse:
    """The latest programme-wide figures at a glance, with the monthly trends and indicators."""
    run = dashboard_run()
    context: dict[str, Any] = {"run": run, "mark": SUPPRESSED_MARK}
    if run is not None:
        report = run.result
        context["report"] = report
        context["headlines"] = [
            {
                **figure,
                "text": SUPPRESSED_MARK
                if figure["suppressed"]
                else format_value(figure["value"], figure["kind"]),
            }
            for figure in builder.report_headlines(report)
        ]
        context["charts"] = [
            {"title": chart["title"], "svg": _chart_svg(run, chart)}
            for key in ("reach-by-month", "results-indicators")
            if (chart := builder.report_chart(report, key)) is not None
        ]
        context["indicators"] = next(
            (
                _table_context(run, table)
                for section in report["sections"]
                for table in section["tables"]
                if table["key"] == "results-indicators"
            ),
            None,
        )
    return render(request, "reports/dashboard.html", context)
