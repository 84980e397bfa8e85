"""Pages that hold one person's data: no browser or proxy may keep a copy of them.

``NoStoreMiddleware`` sends ``Cache-Control: no-store`` on every URL named here, whatever
its view does, so a shared computer's back button or a caching proxy shows nobody's results,
certificates, cohort lists or reports. Add a personal page's URL name here; the test in
tests/security/test_no_store.py requests each one.
"""

from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers

PERSONAL_URL_NAMES = frozenset(
    {
        # My account (/accounts/me/), its data export, and allauth's account pages.
        "accounts:my_account",
        "accounts:personal_data_download",
        "accounts:account_delete",
        "account_email",
        "mfa_index",
        # A trainee's quiz results and certificates.
        "assessments:attempt_result",
        "certificates:my_certificates",
        "certificates:pdf",
        # Trainers' cohort pages and exports, course progress.
        "courses:cohort_list",
        "courses:cohort_detail",
        "courses:cohort_progress",
        "courses:cohort_progress_csv",
        "courses:course_progress",
        # Reports and their downloads.
        "reports:run_list",
        "reports:dashboard",
        "reports:run",
        "reports:run_csv",
        "reports:run_xlsx",
        "reports:run_pdf",
        # Lesson documents, served only to those who may open the lesson.
        "wagtaildocs_serve",
    }
)


class NoStoreMiddleware:
    """Marks the responses of ``PERSONAL_URL_NAMES`` as never to be stored."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        if match is not None and match.view_name in PERSONAL_URL_NAMES:
            add_never_cache_headers(response)
        return response
