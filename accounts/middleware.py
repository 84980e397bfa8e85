"""Sends trainers, programme managers and admins to set up two-factor auth first."""

from allauth.account.authentication import get_authentication_records
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from .selectors import user_has_totp, user_requires_mfa

# Views a user without TOTP may still reach: setting it up, verifying email, logging out.
_ALLOWED_URL_NAMES = {
    "account_logout",
    "account_email",
    "account_confirm_email",
    "account_reauthenticate",
}


class StaffMFAMiddleware:
    """Enforces ``LIAISON_REQUIRE_MFA_FOR_STAFF`` on every view, the Wagtail admin included."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not settings.LIAISON_REQUIRE_MFA_FOR_STAFF or not request.user.is_authenticated:
            return None
        url_name = request.resolver_match.url_name if request.resolver_match else None
        if url_name in _ALLOWED_URL_NAMES or (url_name or "").startswith("mfa_"):
            return None
        if not user_requires_mfa(request.user):
            return None
        if user_has_totp(request.user):
            if any(
                record.get("method") == "mfa"
                for record in get_authentication_records(request, request.user)
            ):
                return None
            # The device exists but this session never used it (signed in before setting it
            # up, or by another route): ask for a code now.
            return redirect_to_login(request.get_full_path(), "mfa_reauthenticate")
        messages.warning(
            request,
            _(
                "Your role gives access to other people's data: set up two-factor authentication "
                "with an authenticator app to continue."
            ),
        )
        return redirect("mfa_activate_totp")
