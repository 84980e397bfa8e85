"""The course-page box that shows a trainee their certificate and offers to renew it."""

from django.template.loader import render_to_string

from .models import Certificate
from .selectors import certificate_renewal_refusal


def certificate_panel(request, course, enrolment) -> str:
    """The trainee's certificate for this course: status, links and, when due, Renew."""
    if enrolment is None or not request.user.is_authenticated:
        return ""
    certificates = list(
        Certificate.objects.filter(enrolment=enrolment).order_by("-issued_at", "-pk")[:1]
    )
    if not certificates:
        return ""
    certificate = certificates[0]
    context = {
        "certificate": certificate,
        "enrolment": enrolment,
        "can_renew": certificate_renewal_refusal(certificate=certificate, user=request.user)
        is None,
    }
    return render_to_string("certificates/panels/course_panel.html", context, request=request)
