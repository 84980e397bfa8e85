"""The course-page box that asks trainees who completed the course for their opinion."""

from django.template.loader import render_to_string
from django.utils import translation

from courses.models import Enrolment

from .models import Survey
from .selectors.surveys import survey_answered, survey_for_course


def reaction_survey_panel(request, course, enrolment) -> str:
    """A link to the course's reaction survey, until the trainee has answered it."""
    if enrolment is None or enrolment.status != Enrolment.Status.COMPLETED:
        return ""
    survey = survey_for_course(
        course=course, purpose=Survey.Purpose.REACTION, language_code=translation.get_language()
    )
    if survey is None or survey_answered(survey=survey, enrolment=enrolment):
        return ""
    return render_to_string(
        "assessments/surveys/course_panel.html", {"survey": survey}, request=request
    )
