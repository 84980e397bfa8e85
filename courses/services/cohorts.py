"""Creating cohorts and enrolling their members, one by one or from a CSV file of emails."""

import csv
import io
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import validate_email
from django.db import transaction
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Organisation, User

from .. import defaults, selectors
from ..models import Cohort, CoursePage, Enrolment
from ..selectors import cohorts as cohort_selectors
from .progress import enrolment_evaluate

logger = logging.getLogger(__name__)

# Bytes read at most per allowed row: a file larger than this cannot be a valid list of emails.
_MAX_BYTES_PER_ROW = 512
_HEADER_CELLS = {"email", "e-mail"}
_MAX_SHOWN_VALUE = 120


def _require_manager(*, user: User, cohort: Cohort) -> None:
    if not cohort_selectors.user_manages_cohort(user=user, cohort=cohort):
        raise PermissionDenied(_("Only the cohort's trainers and its course's trainers do this."))


@transaction.atomic
def cohort_create(
    *,
    course: CoursePage,
    name: str,
    trainers: Iterable[User],
    organisation: Organisation | None = None,
    starts_on: date | None = None,
    ends_on: date | None = None,
    created_by: User,
) -> Cohort:
    """Create a cohort of a course; only admins and the course's owning trainers may."""
    if not selectors.user_manages_course(user=created_by, course=course):
        raise PermissionDenied(_("Only the course's trainers create its cohorts."))
    trainers = list(trainers)
    if not trainers:
        raise ValidationError({"trainers": _("Choose at least one trainer to lead the cohort.")})
    not_trainers = [str(user) for user in trainers if not selectors.user_is_trainer(user)]
    if not_trainers:
        raise ValidationError(
            {
                "trainers": _("%(names)s cannot lead a cohort: they are not trainers.")
                % {"names": ", ".join(not_trainers)}
            }
        )
    if starts_on and ends_on and ends_on < starts_on:
        raise ValidationError({"ends_on": _("The cohort cannot end before it starts.")})
    cohort = Cohort(
        course=course,
        name=name.strip(),
        organisation=organisation,
        starts_on=starts_on,
        ends_on=ends_on,
    )
    cohort.full_clean()
    cohort.save()
    cohort.trainers.set(trainers)
    logger.info("Cohort %s created for course %s by user %s", cohort.pk, course.pk, created_by.pk)
    return cohort


@dataclass(frozen=True)
class CohortAddResult:
    """What adding members did: who joined the cohort and who was left as they were."""

    added: int
    already_enrolled: int


@transaction.atomic
def cohort_add_members(
    *, cohort: Cohort, trainees: Iterable[User], added_by: User
) -> CohortAddResult:
    """Enrol each trainee in the cohort's course through the cohort.

    Cohort-only courses are the point, and the trainers compose the group, so neither the
    enrolment mode nor prerequisites stop them. An existing active or completed enrolment
    keeps its status and joins the cohort if it has none; a withdrawn, refused or pending one
    is reactivated in the cohort. A trainee already following the course in this or another
    cohort is left unchanged and counted as already enrolled.
    """
    _require_manager(user=added_by, cohort=cohort)
    trainees = list({trainee.pk: trainee for trainee in trainees}.values())
    existing = {
        enrolment.trainee_id: enrolment
        for enrolment in Enrolment.objects.select_for_update().filter(
            course_id=cohort.course_id, trainee__in=[trainee.pk for trainee in trainees]
        )
    }
    now = timezone.now()
    created, joined, reactivated, already = [], [], [], 0
    for trainee in trainees:
        enrolment = existing.get(trainee.pk)
        if enrolment is None:
            created.append(
                Enrolment(
                    trainee=trainee,
                    course_id=cohort.course_id,
                    cohort=cohort,
                    status=Enrolment.Status.ACTIVE,
                    source=Enrolment.Source.COHORT,
                    created_at=now,
                    activated_at=now,
                    decided_by=added_by,
                )
            )
        elif enrolment.gives_access and enrolment.cohort_id is not None:
            already += 1
        elif enrolment.gives_access:
            enrolment.cohort = cohort
            joined.append(enrolment)
        else:
            enrolment.cohort = cohort
            enrolment.status = Enrolment.Status.ACTIVE
            enrolment.source = Enrolment.Source.COHORT
            enrolment.activated_at = now
            enrolment.withdrawn_at = None
            enrolment.decided_by = added_by
            reactivated.append(enrolment)
    changed = [*joined, *reactivated]
    for enrolment in [*created, *changed]:
        # The related rows were just read and the one-per-course rule is held by the lock
        # above: skipping their lookups keeps a 5,000-row import to batched queries.
        enrolment.full_clean(
            exclude=["trainee", "course", "cohort", "decided_by"], validate_constraints=False
        )
    Enrolment.objects.bulk_create(created)
    Enrolment.objects.bulk_update(
        changed, ["cohort", "status", "source", "activated_at", "withdrawn_at", "decided_by"]
    )
    for enrolment in reactivated:
        # Progress kept from an earlier enrolment may already meet the completion rule.
        enrolment_evaluate(enrolment_id=enrolment.pk)
    result = CohortAddResult(added=len(created) + len(changed), already_enrolled=already)
    logger.info(
        "Cohort %s: %s added, %s already enrolled, by user %s",
        cohort.pk,
        result.added,
        result.already_enrolled,
        added_by.pk,
    )
    return result


# CSV import, in two steps: parse and preview, then confirm the valid rows.


@dataclass(frozen=True)
class CsvRow:
    """A valid row of an uploaded file: its line, its email and the matching user."""

    line: int
    email: str
    user_id: int


@dataclass(frozen=True)
class CsvRowError:
    """A row that will not be imported, with its line number and why."""

    line: int
    value: str
    reason: str

    def __post_init__(self):
        # A pasted paragraph must not flood the preview table.
        if len(self.value) > _MAX_SHOWN_VALUE:
            object.__setattr__(self, "value", self.value[: _MAX_SHOWN_VALUE - 1] + "…")


@dataclass
class CsvPreview:
    """What an uploaded file would import, and every row it would not."""

    rows: list[CsvRow] = field(default_factory=list)
    errors: list[CsvRowError] = field(default_factory=list)

    @property
    def user_ids(self) -> list[int]:
        return [row.user_id for row in self.rows]


def _read_text(file: UploadedFile) -> str:
    limit = defaults.COHORT_CSV_MAX_ROWS * _MAX_BYTES_PER_ROW
    data = file.read(limit + 1)
    if len(data) > limit:
        raise ValidationError(
            _("The file is too large: import at most %(max)d email addresses at a time.")
            % {"max": defaults.COHORT_CSV_MAX_ROWS},
            code="too_large",
        )
    try:
        # utf-8-sig drops the byte order mark that Excel writes in front of UTF-8 files.
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValidationError(
            _(
                "The file is not UTF-8 text. In your spreadsheet, save it as "
                "“CSV UTF-8 (comma delimited)” and upload it again."
            ),
            code="encoding",
        ) from error


def _read_rows(text: str) -> list[tuple[int, list[str]]]:
    """The non-blank rows after the optional header, as (line number, stripped cells)."""
    # Excel writes semicolons where the comma is the decimal separator (French, Dutch).
    delimiter = ";" if text.count(";") > text.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[tuple[int, list[str]]] = []
    header_checked = False
    try:
        for cells in reader:
            cells = [cell.strip() for cell in cells]
            if not any(cells):
                continue
            if not header_checked:
                header_checked = True
                if any(cell.lower() in _HEADER_CELLS for cell in cells):
                    continue
            rows.append((reader.line_num, cells))
            if len(rows) > defaults.COHORT_CSV_MAX_ROWS:
                break  # enough to refuse the file; reading on would only take time
    except csv.Error as error:
        raise ValidationError(
            _("The file could not be read as CSV (line %(line)d).") % {"line": reader.line_num},
            code="csv",
        ) from error
    if not rows:
        raise ValidationError(_("The file is empty: put one email address per line."), code="empty")
    if len(rows) > defaults.COHORT_CSV_MAX_ROWS:
        raise ValidationError(
            _(
                "The file has too many rows: import at most %(max)d email addresses at a "
                "time, in several files if needed."
            )
            % {"max": defaults.COHORT_CSV_MAX_ROWS},
            code="too_many_rows",
        )
    return rows


def _email_cell(cells: list[str]) -> str | None:
    """The one cell of a row that can be an email: the only cell, or the only one with an @."""
    cells = [cell for cell in cells if cell]
    if len(cells) == 1:
        return cells[0]
    with_at = [cell for cell in cells if "@" in cell]
    return with_at[0] if len(with_at) == 1 else None


def cohort_csv_parse(*, cohort: Cohort, file: UploadedFile) -> CsvPreview:
    """Check an uploaded file of emails for a cohort and preview its import; stores nothing.

    The whole file is refused (ValidationError) when it is not UTF-8, empty or longer than
    ``COHORT_CSV_MAX_ROWS``; otherwise every bad row is reported with its line number.
    """
    rows = _read_rows(_read_text(file))
    preview = CsvPreview()
    first_line: dict[str, int] = {}
    candidates: list[tuple[int, str]] = []
    for line, cells in rows:
        email = _email_cell(cells)
        if email is None:
            preview.errors.append(
                CsvRowError(
                    line,
                    " ".join(cells),
                    _("Several cells or none look like an email: keep one email per line."),
                )
            )
            continue
        email = email.lower()
        try:
            validate_email(email)
        except ValidationError:
            preview.errors.append(CsvRowError(line, email, _("This is not a valid email address.")))
            continue
        if email in first_line:
            preview.errors.append(
                CsvRowError(
                    line,
                    email,
                    _("Duplicate: this email is already on line %(line)d.")
                    % {"line": first_line[email]},
                )
            )
            continue
        first_line[email] = line
        candidates.append((line, email))

    users = dict(
        cohort_selectors.active_users()
        .annotate(email_lower=Lower("email"))
        .filter(email_lower__in=list(first_line))
        .values_list("email_lower", "pk")
    )
    enrolments = {
        enrolment.trainee_id: enrolment
        for enrolment in Enrolment.objects.filter(
            course_id=cohort.course_id, trainee__in=list(users.values())
        ).select_related("cohort")
    }
    for line, email in candidates:
        user_id = users.get(email)
        enrolment = enrolments.get(user_id)
        if user_id is None:
            reason = _("Unknown email: nobody with an active account uses this address.")
        elif enrolment and enrolment.gives_access and enrolment.cohort_id == cohort.pk:
            reason = _("Already a member of this cohort.")
        elif enrolment and enrolment.gives_access and enrolment.cohort_id is not None:
            reason = _("Already follows this course in the cohort “%(cohort)s”.") % {
                "cohort": enrolment.cohort.name
            }
        else:
            preview.rows.append(CsvRow(line, email, user_id))
            continue
        preview.errors.append(CsvRowError(line, email, reason))
    preview.errors.sort(key=lambda error: error.line)
    return preview


@transaction.atomic
def cohort_csv_confirm(
    *, cohort: Cohort, user_ids: Iterable[int], added_by: User
) -> CohortAddResult:
    """Add exactly the previewed users to the cohort, all or none.

    The ids are checked again: if any is no longer an active user, nothing is imported.
    """
    _require_manager(user=added_by, cohort=cohort)
    wanted = set(user_ids)
    users = list(cohort_selectors.active_users().filter(pk__in=wanted))
    if not wanted or len(users) != len(wanted):
        raise ValidationError(
            _("The list changed since the preview: upload the file again."), code="stale"
        )
    return cohort_add_members(cohort=cohort, trainees=users, added_by=added_by)
