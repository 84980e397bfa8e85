"""Writes with business rules for users and organisations."""

import logging

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.models import ModelLogEntry
from wagtail.users.models import UserProfile

from . import roles
from .models import Organisation, User

logger = logging.getLogger(__name__)


def _organisation_named(*, name: str, city: str) -> Organisation | None:
    # Compared in the database with LOWER(), like the unique constraint (SQLite's iexact
    # only folds ASCII letters).
    return (
        Organisation.objects.annotate(lower_name=Lower("name"), lower_city=Lower("city"))
        .filter(lower_name=name.lower(), lower_city=city.lower())
        .first()
    )


def organisation_propose(
    *, name: str, kind: str, city: str, proposed_by: User | None = None
) -> Organisation:
    """Return the organisation with this name and city, proposing it when it is new.

    A proposed organisation is usable at once by the person who proposed it and appears in
    the signup list only after an admin confirms it.
    """
    name, city = " ".join(name.split()), " ".join(city.split())
    existing = _organisation_named(name=name, city=city)
    if existing:
        return existing
    organisation = Organisation(name=name, kind=kind, city=city, proposed_by=proposed_by)
    organisation.full_clean()
    try:
        with transaction.atomic():
            organisation.save()
    except IntegrityError:
        # Someone proposed the same organisation at the same moment: use theirs.
        return _organisation_named(name=name, city=city)
    logger.info("Organisation %s proposed", organisation.pk)
    return organisation


def organisation_confirm(*, organisation: Organisation) -> Organisation:
    """Confirm a proposed organisation so that it is offered to everyone."""
    organisation.is_confirmed = True
    organisation.save(update_fields=["is_confirmed"])
    return organisation


@transaction.atomic
def user_signup_complete(
    *,
    user: User,
    full_name: str,
    audience: str,
    organisation: Organisation | None,
    new_organisation: dict[str, str] | None,
    preferred_language: str,
) -> User:
    """Fill in a new user's profile, save them and make them a trainee.

    ``user`` comes from allauth with its email and password set but not yet saved. Everything
    is validated before the first write, so a refusal leaves no user and no organisation.
    """
    user.full_name = full_name.strip()
    user.audience = audience
    user.preferred_language = preferred_language
    user.full_clean(exclude=["password", "organisation"])
    user.save()
    if new_organisation:
        organisation = organisation_propose(proposed_by=user, **new_organisation)
    if organisation:
        user.organisation = organisation
        user.save(update_fields=["organisation"])
    user.groups.add(Group.objects.get(name=roles.TRAINEES))
    return user


def user_profile_update(
    *,
    user: User,
    full_name: str,
    audience: str,
    organisation: Organisation | None,
    preferred_language: str,
) -> User:
    """Change the profile fields a user may edit themselves."""
    user.full_name = full_name.strip()
    user.audience = audience
    user.organisation = organisation
    user.preferred_language = preferred_language
    user.full_clean(exclude=["password"])
    user.save(update_fields=["full_name", "audience", "organisation", "preferred_language"])
    return user


@transaction.atomic
@transaction.atomic
def user_erase(*, user: User) -> User:
    """Delete an account: erase personal fields, keep the row pseudonymised for statistics.

    Audience and organisation stay so that aggregate reports remain right; the email, name,
    password, verified addresses, second factors and every role are removed.
    """
    if user.is_erased:
        raise ValidationError(_("This account has already been deleted."))
    if (
        user.is_superuser
        and not User.objects.filter(is_superuser=True, is_active=True).exclude(pk=user.pk).exists()
    ):
        raise ValidationError(
            _("You are the only administrator. Make someone else an administrator first.")
        )
    EmailAddress.objects.filter(user=user).delete()
    Authenticator.objects.filter(user=user).delete()
    profile = UserProfile.objects.filter(user=user).first()
    if profile:
        if profile.avatar:
            profile.avatar.delete(save=False)
        profile.delete()
    # The admin's history names the user in entries about their account.
    ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(User), object_id=str(user.pk)
    ).update(label=_("Deleted account"))
    user.groups.clear()
    user.user_permissions.clear()
    user.email = f"erased-{user.pseudonym}@erased.invalid"
    user.full_name = ""
    user.set_unusable_password()
    user.is_active = False
    user.is_staff = False
    user.is_superuser = False
    user.erased_at = timezone.now()
    user.save()
    for forget in hooks.get_hooks("liaison_account_erased"):
        forget(user)
    logger.info("User %s erased their account", user.pseudonym)
    return user


# Demo logins for `make run`; the passwords are public, so seed_accounts refuses DEBUG off.
DEMO_ACCOUNTS = [
    # (role label, email, password, group name or None for an admin, audience)
    ("Trainee", "trainee@liaison.test", "trainee-demo-2026", roles.TRAINEES, "police"),
    ("Trainer", "trainer@liaison.test", "trainer-demo-2026", roles.TRAINERS, "other"),
    (
        "Programme manager",
        "manager@liaison.test",
        "manager-demo-2026",
        roles.PROGRAMME_MANAGERS,
        "other",
    ),
    ("Admin", "admin@liaison.test", "admin-demo-2026", None, "other"),
]


@transaction.atomic
def demo_accounts_ensure() -> list[tuple[str, str, str]]:
    """Create (or reset) one verified demo account per role; return (role, email, password)."""
    organisation = organisation_propose(
        name="Liaison demo organisation", kind=Organisation.Kind.OTHER, city="Brussels"
    )
    organisation_confirm(organisation=organisation)
    created = []
    for label, email, password, group_name, audience in DEMO_ACCOUNTS:
        user = User.objects.filter(email=email).first() or User(email=email)
        user.full_name = f"Demo {label.lower()}"
        user.audience = audience
        user.organisation = organisation
        user.is_superuser = user.is_staff = group_name is None
        user.set_password(password)
        user.save()
        if group_name:
            user.groups.set([Group.objects.get(name=group_name)])
        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        created.append((label, email, password))
    return created
