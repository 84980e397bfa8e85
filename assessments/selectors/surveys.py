"""Reads about surveys: which survey a trainee gets, and their own answers for the export."""

from typing import Any

from django.db.models import Prefetch

from accounts.models import User
from courses.models import CoursePage, Enrolment

from ..models import Survey, SurveyAnswer, SurveyInvitation, SurveyResponse


def survey_translation_pick(
    surveys: list[Survey], *, course_locale_id: int, language_code: str | None
) -> Survey | None:
    """Of one course's surveys with the same purpose: the one in ``language_code``.

    Falls back to the survey in the course's own language, then to the oldest one.
    """
    surveys = sorted(surveys, key=lambda survey: survey.pk)
    return (
        next((s for s in surveys if s.locale.language_code == language_code), None)
        or next((s for s in surveys if s.locale_id == course_locale_id), None)
        or next(iter(surveys), None)
    )


def survey_for_course(
    *, course: CoursePage, purpose: str, language_code: str | None
) -> Survey | None:
    """The course's survey with this purpose, in the trainee's language when translated."""
    surveys = list(
        Survey.objects.filter(live=True, course=course, purpose=purpose).select_related("locale")
    )
    return survey_translation_pick(
        surveys, course_locale_id=course.locale_id, language_code=language_code
    )


def survey_answered(*, survey: Survey, enrolment: Enrolment) -> bool:
    """True when the enrolment has a response to this survey or to one of its translations."""
    return SurveyResponse.objects.filter(
        enrolment=enrolment, survey__translation_key=survey.translation_key
    ).exists()


def trainee_survey_data(user: User) -> dict[str, Any]:
    """The trainee's own survey responses and invitations, for the personal-data export."""
    responses = (
        SurveyResponse.objects.filter(trainee=user)
        .select_related("survey", "enrolment__course")
        .prefetch_related(Prefetch("answers", queryset=SurveyAnswer.objects.order_by("pk")))
        .order_by("submitted_at")
    )
    invitations = (
        SurveyInvitation.objects.filter(enrolment__trainee=user)
        .select_related("survey", "enrolment__course")
        .order_by("sent_at")
    )
    return {
        "responses": [
            {
                "survey": response.survey.title,
                "purpose": response.survey.purpose,
                "course": response.enrolment.course.title if response.enrolment else None,
                "submitted_at": response.submitted_at,
                "answers": [
                    {
                        "question": answer.item_text,
                        "type": answer.kind,
                        "value": answer.value,
                        "text": answer.text,
                    }
                    for answer in response.answers.all()
                ],
            }
            for response in responses
        ],
        # When the follow-up links were sent and used; never their tokens.
        "invitations": [
            {
                "survey": invitation.survey.title,
                "course": invitation.enrolment.course.title,
                "sent_at": invitation.sent_at,
                "reminded_at": invitation.reminded_at,
                "expires_at": invitation.expires_at,
                "used_at": invitation.used_at,
            }
            for invitation in invitations
        ],
    }
