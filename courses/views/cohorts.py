"""Trainers' cohort pages: list and create, members, CSV import, progress table and export."""

import csv

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST

from accounts.selectors import organisation_list_confirmed

from .. import selectors
from ..forms import CohortCsvForm, CohortForm, CohortMembersForm
from ..models import Cohort
from ..selectors import cohorts as cohort_selectors
from ..services import cohorts as cohort_services

# Valid user ids wait server-side between the preview and the confirmation, signed and dated.
_CSV_SESSION_KEY = "courses:cohort_csv:{cohort_id}"
_CSV_SALT = "courses.cohort_csv"
_CSV_MAX_AGE_SECONDS = 60 * 60
# Spreadsheets run cells starting with these as formulas; a leading quote keeps them text.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _require_trainer(user) -> None:
    # Trainees and programme managers never see individual cohort data.
    if not selectors.user_is_trainer(user):
        raise PermissionDenied


def _managed_cohort(request, cohort_id: int) -> Cohort:
    """The cohort if the user may manage it; a 404 for a trainer who may not."""
    _require_trainer(request.user)
    return get_object_or_404(cohort_selectors.cohorts_managed_by(request.user), pk=cohort_id)


def _cohort_form(request, data=None) -> CohortForm:
    return CohortForm(
        data,
        courses=cohort_selectors.courses_managed_by(request.user),
        trainers=cohort_selectors.trainer_users(),
        organisations=organisation_list_confirmed(),
        initial={"trainers": [request.user.pk]},
    )


def _added_message(result: cohort_services.CohortAddResult) -> str:
    added = ngettext(
        "%(count)d person added to the cohort.",
        "%(count)d people added to the cohort.",
        result.added,
    ) % {"count": result.added}
    if not result.already_enrolled:
        return added
    already = ngettext(
        "%(count)d already followed the course and was left as is.",
        "%(count)d already followed the course and were left as they were.",
        result.already_enrolled,
    ) % {"count": result.already_enrolled}
    return f"{added} {already}"


@login_required
@require_GET
def cohort_list(request):
    """The cohorts the trainer leads or whose course they own, and a form for a new one."""
    _require_trainer(request.user)
    return render(
        request,
        "courses/cohorts/list.html",
        {
            "cohorts": cohort_selectors.cohorts_managed_by(request.user),
            "form": _cohort_form(request),
        },
    )


@login_required
@require_POST
def cohort_create(request):
    """Create a cohort of a course the user manages."""
    _require_trainer(request.user)
    form = _cohort_form(request, request.POST)
    if form.is_valid():
        try:
            cohort = cohort_services.cohort_create(**form.cleaned_data, created_by=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The cohort “%(name)s” is created.") % {"name": cohort})
            return redirect("courses:cohort_detail", cohort_id=cohort.pk)
    return render(
        request,
        "courses/cohorts/list.html",
        {"cohorts": cohort_selectors.cohorts_managed_by(request.user), "form": form},
    )


@login_required
@require_GET
def cohort_detail(request, cohort_id: int):
    """Members of a cohort, with a search to add people and a CSV upload."""
    cohort = _managed_cohort(request, cohort_id)
    query = request.GET.get("q", "").strip()
    candidates = (
        cohort_selectors.cohort_candidates(cohort=cohort, query=query)
        if len(query) >= 2
        else cohort_selectors.active_users().none()
    )
    return render(
        request,
        "courses/cohorts/detail.html",
        {
            "cohort": cohort,
            "members": cohort_selectors.cohort_members(cohort),
            "query": query,
            "members_form": CohortMembersForm(candidates=candidates),
            "csv_form": CohortCsvForm(),
        },
    )


@login_required
@require_POST
def cohort_add_members(request, cohort_id: int):
    """Enrol the people picked on the cohort page."""
    cohort = _managed_cohort(request, cohort_id)
    form = CohortMembersForm(request.POST, candidates=cohort_selectors.active_users())
    if not form.is_valid():
        messages.error(request, _("Pick at least one person to add."))
        return redirect("courses:cohort_detail", cohort_id=cohort.pk)
    result = cohort_services.cohort_add_members(
        cohort=cohort, trainees=form.cleaned_data["users"], added_by=request.user
    )
    messages.success(request, _added_message(result))
    return redirect("courses:cohort_detail", cohort_id=cohort.pk)


@login_required
@require_POST
def cohort_csv_upload(request, cohort_id: int):
    """Check an uploaded CSV and show its preview; the valid ids wait in the session."""
    cohort = _managed_cohort(request, cohort_id)
    key = _CSV_SESSION_KEY.format(cohort_id=cohort.pk)
    request.session.pop(key, None)
    form = CohortCsvForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors["file"]))
        return redirect("courses:cohort_detail", cohort_id=cohort.pk)
    try:
        preview = cohort_services.cohort_csv_parse(cohort=cohort, file=form.cleaned_data["file"])
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("courses:cohort_detail", cohort_id=cohort.pk)
    if preview.user_ids:
        request.session[key] = signing.dumps(
            {"cohort": cohort.pk, "user_ids": preview.user_ids}, salt=_CSV_SALT, compress=True
        )
    return render(request, "courses/cohorts/preview.html", {"cohort": cohort, "preview": preview})


@login_required
@require_POST
def cohort_csv_confirm(request, cohort_id: int):
    """Import the valid rows of the last preview; ids sent by the browser are ignored."""
    cohort = _managed_cohort(request, cohort_id)
    stored = request.session.pop(_CSV_SESSION_KEY.format(cohort_id=cohort.pk), None)
    try:
        payload = signing.loads(stored or "", salt=_CSV_SALT, max_age=_CSV_MAX_AGE_SECONDS)
    except signing.BadSignature:
        payload = {}
    if payload.get("cohort") != cohort.pk:
        messages.error(request, _("There is no import to confirm: upload the file again."))
        return redirect("courses:cohort_detail", cohort_id=cohort.pk)
    try:
        result = cohort_services.cohort_csv_confirm(
            cohort=cohort, user_ids=payload["user_ids"], added_by=request.user
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _added_message(result))
    return redirect("courses:cohort_detail", cohort_id=cohort.pk)


@login_required
@require_GET
def cohort_progress(request, cohort_id: int):
    """Members × modules: each member's status per module and their last activity."""
    cohort = _managed_cohort(request, cohort_id)
    return render(
        request,
        "courses/cohorts/progress.html",
        {"cohort": cohort, "progress": cohort_selectors.cohort_progress(cohort)},
    )


def _csv_cell(value: str) -> str:
    return f"'{value}" if value.startswith(_FORMULA_STARTS) else value


@login_required
@require_GET
def cohort_progress_csv(request, cohort_id: int):
    """The progress table as CSV, UTF-8 with a byte order mark so Excel shows accents."""
    cohort = _managed_cohort(request, cohort_id)
    progress = cohort_selectors.cohort_progress(cohort)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="cohort-{cohort.pk}-progress.csv"'
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow(
        [
            _("Trainee"),
            _("Email"),
            *[_csv_cell(module.title) for module in progress.modules],
            _("Last activity"),
        ]
    )
    for row in progress.rows:
        last = row.last_activity_at
        writer.writerow(
            [
                _csv_cell(row.trainee.full_name),
                _csv_cell(row.trainee.email),
                *[str(status.label) for status in row.statuses],
                timezone.localtime(last).strftime("%Y-%m-%d %H:%M") if last else "",
            ]
        )
    return response
