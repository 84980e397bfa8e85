"""Public verification (no login, ever), and the trainee's own certificates."""

from allauth.account.adapter import get_adapter
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST
from django_ratelimit.core import is_ratelimited

from . import defaults, selectors, services
from .codes import code_normalise
from .forms import VerifyForm
from .models import Certificate


def _client_ip(group: str, request) -> str:
    # The address allauth's login rate limits use, so one setting (ALLAUTH_TRUSTED_PROXY_COUNT
    # or ALLAUTH_TRUSTED_CLIENT_IP_HEADER) makes both right behind a reverse proxy.
    return get_adapter(request).get_client_ip(request)


def _rate_limited(request, group: str) -> bool:
    """Count one look-up for the client's IP address; True once it is over the rate."""
    return is_ratelimited(
        request,
        group=group,
        key=_client_ip,
        rate=defaults.CERTIFICATE_VERIFY_RATE,
        increment=True,
    )


def _too_many_requests(request) -> HttpResponse:
    response = render(request, "certificates/rate_limited.html", status=429)
    response["Retry-After"] = "60"
    return response


def _noindex(response: HttpResponse) -> HttpResponse:
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@never_cache
@require_GET
def verify_form(request):
    """Type a code; a well-formed one leads to its verification page."""
    form = VerifyForm(request.GET or None)
    if form.is_bound:
        if _rate_limited(request, "certificates.verify_form"):
            return _too_many_requests(request)
        if form.is_valid():
            return redirect("certificates:verify", code=form.cleaned_data["code"])
    return _noindex(render(request, "certificates/verify_form.html", {"form": form}))


@never_cache
@require_GET
def verify(request, code: str):
    """What the database says about the certificate with this code, for anyone."""
    if _rate_limited(request, "certificates.verify"):
        return _too_many_requests(request)
    try:
        normalised = code_normalise(code)
    except ValidationError as error:
        context = {"problem": " ".join(error.messages), "form": VerifyForm()}
        return _noindex(render(request, "certificates/not_found.html", context, status=404))
    if normalised != code:
        return redirect("certificates:verify", code=normalised)
    certificate = selectors.certificate_by_code(code=normalised)
    if certificate is None:
        context = {"problem": None, "form": VerifyForm()}
        return _noindex(render(request, "certificates/not_found.html", context, status=404))
    context = {
        "certificate": certificate,
        "holder_erased": certificate.holder.is_erased,
        "newer": certificate.superseded_by,
        "checked_at": timezone.now(),
    }
    return _noindex(render(request, "certificates/verify.html", context))


def verify_form_redirect(request):
    """The language-independent form address leads to the form in the visitor's language."""
    url = reverse("certificates:verify_form")
    query = request.META.get("QUERY_STRING", "")
    return redirect(f"{url}?{query}" if query else url)


def verify_redirect(request, code: str):
    """The address in the QR code leads to the page in the visitor's language."""
    return redirect("certificates:verify", code=code)


@login_required
@require_GET
def my_certificates(request):
    """The trainee's certificates: status, PDF, share link and, when due, Renew."""
    certificates = list(selectors.certificate_list_for_holder(holder=request.user))
    for certificate in certificates:
        certificate.can_renew = (
            selectors.certificate_renewal_refusal(certificate=certificate, user=request.user)
            is None
        )
    return render(request, "certificates/my_certificates.html", {"certificates": certificates})


@never_cache
@login_required
@require_GET
def certificate_pdf(request, pk: int):
    """The holder's PDF, drawn again if its file is missing; 404 for anybody else."""
    certificate = get_object_or_404(
        Certificate.objects.exclude(status=Certificate.Status.REVOKED),
        pk=pk,
        holder=request.user,
    )
    certificate = services.certificate_pdf_ensure(certificate=certificate)
    filename = (
        f"certificate-{slugify(certificate.course_title)[:60]}-"
        f"{timezone.localtime(certificate.issued_at):%Y-%m-%d}.pdf"
    )
    return FileResponse(
        certificate.pdf.open("rb"),
        as_attachment=True,
        filename=filename,
        content_type="application/pdf",
    )


@login_required
@require_POST
def certificate_renew(request, pk: int):
    """Start the course again to renew a certificate that expires soon or has expired."""
    certificate = get_object_or_404(
        Certificate.objects.select_related("enrolment__course"), pk=pk, holder=request.user
    )
    try:
        enrolment = services.certificate_renew(certificate=certificate, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("certificates:my_certificates")
    messages.success(
        request,
        _(
            "The course has started again. Complete it to receive your renewed certificate; "
            "your current certificate stays valid until its date."
        ),
    )
    return redirect(enrolment.course.url)
