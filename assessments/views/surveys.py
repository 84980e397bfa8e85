"""Surveys for trainees: a completed course's reaction survey, follow-up surveys by link.

A follow-up link nobody issued answers 404; a used or expired one answers 410 Gone, with a
page that says which: the link existed and will not work again.
"""

from http import HTTPStatus

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from courses.selectors import enrolment_of

from .. import services
from ..models import Survey
from ..survey_forms import SurveyForm

LINK_STATUS = {
    "unknown": HTTPStatus.NOT_FOUND,
    "used": HTTPStatus.GONE,
    "expired": HTTPStatus.GONE,
}
# Refusals of an enrolment that is the trainee's: why they cannot answer (yet, or again).
REFUSAL_STATUS = {"not_completed": HTTPStatus.FORBIDDEN, "answered": HTTPStatus.OK}


def _message_page(request, error: ValidationError, status: HTTPStatus):
    context = {"message": " ".join(error.messages)}
    return render(request, "assessments/surveys/message.html", context, status=status)


def _survey_page(request, *, survey, trainee, enrolment, submit):
    """Check the trainee may answer, show the form, and on POST hand the answers to ``submit``."""
    try:
        services.survey_eligibility_check(survey=survey, trainee=trainee, enrolment=enrolment)
    except PermissionDenied:
        raise Http404 from None
    except ValidationError as error:
        return _message_page(request, error, REFUSAL_STATUS.get(error.code, HTTPStatus.OK))
    form = SurveyForm(
        request.POST if request.method == "POST" else None, items=list(survey.items.all())
    )
    if request.method == "POST":
        try:
            return submit(form.answers())
        except PermissionDenied:
            raise Http404 from None
        except ValidationError as error:
            code = getattr(error, "code", None)
            if code in LINK_STATUS:
                return _message_page(request, error, LINK_STATUS[code])
            form.add_service_errors(error)
    context = {"survey": survey, "course": enrolment.course, "form": form}
    return render(request, "assessments/surveys/answer.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def survey_answer(request, survey_id: int):
    """The reaction survey of a course, for trainees who completed it (404 for anyone else)."""
    survey = get_object_or_404(
        Survey.objects.filter(live=True).select_related("course"),
        pk=survey_id,
        purpose=Survey.Purpose.REACTION,
        course__isnull=False,
    )
    enrolment = enrolment_of(user=request.user, course=survey.course)

    def submit(answers):
        services.survey_response_submit(
            survey=survey, trainee=request.user, enrolment=enrolment, data=answers
        )
        messages.success(request, _("Thank you! Your answers help us improve the course."))
        return redirect(survey.course.url)

    return _survey_page(
        request, survey=survey, trainee=request.user, enrolment=enrolment, submit=submit
    )


@never_cache
@require_http_methods(["GET", "POST"])
def survey_follow_up(request, token: str):
    """A follow-up survey opened from its emailed link: no login, the token names the trainee.

    Whoever is logged in, the answers are stored as the invited trainee's.
    """
    try:
        invitation = services.survey_invitation_open(token=token)
    except ValidationError as error:
        return _message_page(request, error, LINK_STATUS[error.code])
    enrolment = invitation.enrolment

    def submit(answers):
        services.survey_invitation_redeem(token=token, data=answers)
        return redirect("assessments:survey_thanks")

    return _survey_page(
        request,
        survey=invitation.survey,
        trainee=enrolment.trainee,
        enrolment=enrolment,
        submit=submit,
    )


@require_GET
def survey_thanks(request):
    """Shown after a follow-up survey is answered."""
    return render(request, "assessments/surveys/thanks.html")
