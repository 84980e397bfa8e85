"""Reads about users shared by views, middleware and other apps."""

from typing import Any

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone
from wagtail import hooks
from wagtail.users.models import UserProfile

from . import roles
from .models import Organisation, User


def organisation_list_confirmed():
    """Organisations offered in the signup and profile forms."""
    return Organisation.objects.filter(is_confirmed=True).order_by("name", "city")


def user_role_names(user: User) -> list[str]:
    """Names of the role groups the user belongs to."""
    return list(user.groups.values_list("name", flat=True).order_by("name"))


def user_role_labels(user: User) -> list[str]:
    """The user's roles, translated for display."""
    return [str(roles.ROLE_LABELS.get(name, name)) for name in user_role_names(user)]


def user_requires_mfa(user: User) -> bool:
    """True for admins, anyone who reaches the Wagtail admin, and the staff role groups."""
    if user.is_superuser or user.is_staff or user.has_perm("wagtailadmin.access_admin"):
        return True
    return user.groups.filter(name__in=roles.MFA_REQUIRED_GROUPS).exists()


def user_has_totp(user: User) -> bool:
    """True when the user has set up an authenticator app."""
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def _admin_preferences(user: User) -> dict[str, Any] | None:
    profile = UserProfile.objects.filter(user=user).first()
    if profile is None:
        return None
    return {
        "language": profile.preferred_language,
        "time_zone": profile.current_time_zone,
        "has_avatar": bool(profile.avatar),
        "submitted_notifications": profile.submitted_notifications,
        "approved_notifications": profile.approved_notifications,
        "rejected_notifications": profile.rejected_notifications,
    }


def user_account_data(user: User) -> dict[str, Any]:
    """Everything the accounts app stores about the user, for the data export."""
    organisation = user.organisation
    return {
        "email": user.email,
        "full_name": user.full_name,
        "audience": user.audience,
        "organisation": (
            {"name": organisation.name, "kind": organisation.kind, "city": organisation.city}
            if organisation
            else None
        ),
        "preferred_language": user.preferred_language,
        "pseudonym": str(user.pseudonym),
        "proposed_organisations": list(
            Organisation.objects.filter(proposed_by=user).values("name", "kind", "city")
        ),
        "admin_preferences": _admin_preferences(user),
        "date_joined": user.date_joined.isoformat(),
        "last_login": user.last_login.isoformat() if user.last_login else None,
        "roles": user_role_names(user),
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary}
            for address in EmailAddress.objects.filter(user=user).order_by("email")
        ],
        # Which second factors are set up; never their secrets.
        "two_factor_methods": sorted(
            Authenticator.objects.filter(user=user).values_list("type", flat=True)
        ),
    }


def user_personal_data(user: User) -> dict[str, Any]:
    """The whole personal-data export: the sections of every ``liaison_personal_data`` hook."""
    sections: dict[str, Any] = {}
    for exporter in hooks.get_hooks("liaison_personal_data"):
        for section, data in exporter(user).items():
            if section in sections:
                raise ImproperlyConfigured(f"Personal-data section {section!r} is exported twice.")
            sections[section] = data
    return {
        "format": "liaison-personal-data/1",
        "exported_at": timezone.now().isoformat(),
        "sections": sections,
    }
