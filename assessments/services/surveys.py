"""Surveys: trainees' responses, follow-up invitations by email, one reminder, one-time links."""

import hashlib
import logging
import secrets
from collections import defaultdict
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.models import User
from courses.models import Enrolment
from courses.services import enrolment_milestone_record
from outbox.services import mail_enqueue

from .. import defaults
from ..models import Survey, SurveyAnswer, SurveyInvitation, SurveyItem, SurveyResponse
from ..selectors.surveys import survey_answered, survey_translation_pick

logger = logging.getLogger(__name__)

LIKERT_VALUES = range(1, 6)
NPS_VALUES = range(0, 11)
FREE_TEXT_MAX_LENGTH = 5000


def _answered_error() -> ValidationError:
    return ValidationError(_("You have already answered this survey. Thank you!"), code="answered")


def survey_eligibility_check(*, survey: Survey, trainee: User, enrolment: Enrolment | None) -> None:
    """Refuse, with the reason, a trainee who may not answer the survey; writes nothing.

    PermissionDenied when the enrolment is not the trainee's in the survey's course;
    ValidationError coded "not_completed" or "answered" otherwise.
    """
    if (
        enrolment is None
        or enrolment.trainee_id != trainee.pk
        or survey.course_id is None
        or enrolment.course_id != survey.course_id
    ):
        raise PermissionDenied(_("This survey is not about a course you are enrolled in."))
    if enrolment.status != Enrolment.Status.COMPLETED:
        raise ValidationError(
            _("You can answer this survey once you have completed the course."),
            code="not_completed",
        )
    if survey_answered(survey=survey, enrolment=enrolment):
        raise _answered_error()


def _answer_parse(item: SurveyItem, raw: str) -> tuple[int | None, str]:
    """The (value, text) stored for a non-empty answer, or ValidationError."""
    if item.kind == SurveyItem.Kind.FREE_TEXT:
        if len(raw) > FREE_TEXT_MAX_LENGTH:
            raise ValidationError(
                _("Keep your answer under %(max)d characters.") % {"max": FREE_TEXT_MAX_LENGTH}
            )
        return None, raw
    # isdecimal alone accepts digits of other scripts, which int() reads differently.
    number = int(raw) if raw.isascii() and raw.isdecimal() else None
    if item.kind == SurveyItem.Kind.LIKERT:
        if number not in LIKERT_VALUES:
            raise ValidationError(
                _("Choose one of the five answers, from “Strongly disagree” to “Strongly agree”.")
            )
        return number, ""
    if item.kind == SurveyItem.Kind.NPS:
        if number not in NPS_VALUES:
            raise ValidationError(_("Choose a number from 0 to 10."))
        return number, ""
    choices = item.choice_list()
    if number is None or number >= len(choices):
        raise ValidationError(_("Choose one of the answers offered."))
    return number, choices[number]


def _answers_clean(*, survey: Survey, data: dict[str, str]) -> list[SurveyAnswer]:
    """Every answer checked against its item; errors keyed by item id, or NON_FIELD_ERRORS."""
    items = list(survey.items.all())
    if not items:
        raise ValidationError(_("This survey has no questions yet."), code="empty")
    by_id = {str(item.pk): item for item in items}
    errors: dict[str, list[str]] = {}
    if any(str(key) not in by_id for key in data):
        errors[NON_FIELD_ERRORS] = [
            _(
                "An answer was sent for a question that is not part of this survey. "
                "Reload the page and try again."
            )
        ]
    answers = []
    for key, item in by_id.items():
        raw = str(data.get(key) or "").strip()
        if not raw:
            if item.required:
                errors[key] = [_("This question needs an answer.")]
            continue
        try:
            value, text = _answer_parse(item, raw)
        except ValidationError as error:
            errors[key] = error.messages
            continue
        answers.append(
            SurveyAnswer(item=item, item_text=item.text, kind=item.kind, value=value, text=text)
        )
    if errors:
        raise ValidationError(errors)
    return answers


@transaction.atomic
def survey_response_submit(
    *, survey: Survey, trainee: User, enrolment: Enrolment | None, data: dict[str, str]
) -> SurveyResponse:
    """Store the trainee's answers, once per enrolment; nothing is stored if any is wrong.

    ``data`` maps item ids (as strings) to the raw answers. Answer errors are raised as one
    ValidationError keyed by item id (NON_FIELD_ERRORS for answers to unknown items).
    """
    survey_eligibility_check(survey=survey, trainee=trainee, enrolment=enrolment)
    # Two tabs submitting at once queue here, and the second one sees the first's response.
    list(Enrolment.objects.select_for_update().filter(pk=enrolment.pk).values_list("pk"))
    if survey_answered(survey=survey, enrolment=enrolment):
        raise _answered_error()
    answers = _answers_clean(survey=survey, data=data)
    try:
        with transaction.atomic():
            response = SurveyResponse.objects.create(
                survey=survey, trainee=trainee, enrolment=enrolment
            )
    except IntegrityError:
        raise _answered_error() from None
    for answer in answers:
        answer.response = response
    SurveyAnswer.objects.bulk_create(answers)
    if survey.purpose == Survey.Purpose.FOLLOW_UP:
        enrolment_milestone_record(
            enrolment_id=enrolment.pk, milestone="follow_up_at", at=response.submitted_at
        )
    logger.info("Survey %s answered for enrolment %s", survey.pk, enrolment.pk)
    return response


# --- Follow-up invitations and their one-time links ---------------------------------------


def survey_token_hash(token: str) -> str:
    """What is stored of a link's token: its SHA-256, so a database leak opens no survey."""
    return hashlib.sha256(token.encode()).hexdigest()


def _token_new() -> tuple[str, str]:
    token = secrets.token_urlsafe(32)
    return token, survey_token_hash(token)


def _follow_up_email_queue(*, invitation: SurveyInvitation, token: str, reminder: bool) -> None:
    """Email the link in the trainee's language once the invitation commits (outbox)."""
    trainee = invitation.enrolment.trainee
    course = invitation.enrolment.course
    with translation.override(trainee.preferred_language):
        path = reverse("assessments:survey_follow_up", kwargs={"token": token})
        context = {
            "trainee": trainee,
            "course": course,
            "survey": invitation.survey,
            "link": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path,
            "expires_at": invitation.expires_at,
            "reminder": reminder,
        }
        if reminder:
            subject = _("Reminder: a few questions about the course “%(course)s”")
        else:
            subject = _("A few questions about the course “%(course)s”")
        subject = subject % {"course": course.title}
        body = render_to_string("assessments/surveys/follow_up_email.txt", context)
    mail_enqueue(subject=subject, body=body, to=[trainee.email])


def survey_invitations_send() -> int:
    """Invite, once per enrolment, each trainee whose follow-up date has come (Celery beat).

    Each invitation commits on its own and its email goes out after that commit, so one
    failure neither stops nor undoes the others. Returns how many invitations were made.
    """
    now = timezone.now()
    surveys_by_course: dict[int, list[Survey]] = defaultdict(list)
    follow_ups = Survey.objects.filter(
        live=True, purpose=Survey.Purpose.FOLLOW_UP, course__isnull=False
    ).select_related("locale")
    for survey in follow_ups:
        surveys_by_course[survey.course_id].append(survey)
    invited = 0
    for course_id, surveys in surveys_by_course.items():
        enrolments = (
            Enrolment.objects.filter(
                course_id=course_id,
                status=Enrolment.Status.COMPLETED,
                completed_at__lte=now - timedelta(days=min(s.follow_up_days for s in surveys)),
                # A survey added later does not reach trainees who completed long before:
                # past the delay plus a link's lifetime, "have you applied it" means little.
                completed_at__gte=now
                - timedelta(
                    days=max(s.follow_up_days for s in surveys) + defaults.SURVEY_LINK_DAYS
                ),
                trainee__is_active=True,
            )
            .exclude(survey_invitations__survey__purpose=Survey.Purpose.FOLLOW_UP)
            .select_related("trainee", "course")
        )
        for enrolment in enrolments:
            survey = survey_translation_pick(
                surveys,
                course_locale_id=enrolment.course.locale_id,
                language_code=enrolment.trainee.preferred_language,
            )
            if enrolment.completed_at + timedelta(days=survey.follow_up_days) > now:
                continue
            token, token_hash = _token_new()
            try:
                with transaction.atomic():
                    invitation = SurveyInvitation.objects.create(
                        enrolment=enrolment,
                        survey=survey,
                        token_hash=token_hash,
                        sent_at=now,
                        expires_at=now + timedelta(days=defaults.SURVEY_LINK_DAYS),
                    )
                    _follow_up_email_queue(invitation=invitation, token=token, reminder=False)
            except IntegrityError:
                continue  # a parallel run invited this enrolment first
            invited += 1
    logger.info("%d follow-up survey invitations made", invited)
    return invited


def survey_reminders_send() -> int:
    """Remind, once, the invited trainees who have not answered (Celery beat).

    Only hashes are stored, so the reminder carries a new token; the first link keeps
    working. Returns how many reminders were made.
    """
    now = timezone.now()
    due = SurveyInvitation.objects.filter(
        sent_at__lte=now - timedelta(days=defaults.SURVEY_REMINDER_DAYS),
        reminded_at__isnull=True,
        used_at__isnull=True,
        expires_at__gt=now,
        enrolment__trainee__is_active=True,
    ).select_related("enrolment__trainee", "enrolment__course", "survey")
    reminded = 0
    for invitation in due:
        token, token_hash = _token_new()
        with transaction.atomic():
            # Conditional: when two runs overlap, only the first one reminds.
            updated = SurveyInvitation.objects.filter(
                pk=invitation.pk, reminded_at__isnull=True, used_at__isnull=True
            ).update(reminder_token_hash=token_hash, reminded_at=now)
            if updated:
                _follow_up_email_queue(invitation=invitation, token=token, reminder=True)
        if not updated:
            continue
        reminded += 1
    logger.info("%d follow-up survey reminders made", reminded)
    return reminded


def survey_invitation_open(*, token: str, lock: bool = False) -> SurveyInvitation:
    """The invitation behind a follow-up link, while the link still works.

    ValidationError coded "unknown" (no such link), "used" (answered through it) or
    "expired"; both tokens of an invitation (first email and reminder) lead to it.
    """
    hashed = survey_token_hash(token)
    invitations = SurveyInvitation.objects.filter(
        Q(token_hash=hashed) | Q(reminder_token_hash=hashed)
    )
    if lock:
        invitations = invitations.select_for_update()
    invitation = invitations.first()
    if invitation is None:
        raise ValidationError(
            _(
                "This survey link is not valid. Check that you opened the whole link from "
                "the email."
            ),
            code="unknown",
        )
    if invitation.used_at is not None:
        raise ValidationError(
            _("This survey link has already been used: each link works once. Thank you!"),
            code="used",
        )
    if invitation.expires_at <= timezone.now():
        raise ValidationError(_("This survey link has expired."), code="expired")
    return invitation


@transaction.atomic
def survey_invitation_redeem(*, token: str, data: dict[str, str]) -> SurveyResponse:
    """Answer a follow-up survey through its link, as the invited trainee; the link then stops.

    Whoever is logged in, the answers are the invited trainee's: the token identifies them.
    """
    invitation = survey_invitation_open(token=token, lock=True)
    enrolment = Enrolment.objects.select_related("trainee").get(pk=invitation.enrolment_id)
    response = survey_response_submit(
        survey=invitation.survey, trainee=enrolment.trainee, enrolment=enrolment, data=data
    )
    invitation.used_at = response.submitted_at
    invitation.save(update_fields=["used_at"])
    return response
