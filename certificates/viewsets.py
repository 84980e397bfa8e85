"""Admin screens for issued certificates: list, inspect, revoke (admins only)."""

from django.contrib import messages
from django.contrib.admin.utils import quote
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import Button
from wagtail.log_actions import log
from wagtail.permissions import register_permission_policy

from cms.admin_views import ObjectActionFormView

from . import services
from .admin_forms import CertificateRevokeForm
from .codes import code_normalise
from .models import Certificate
from .permissions import AdminsOnlyPermissionPolicy

# Registered before the viewset, which otherwise creates the default policy.
register_permission_policy(Certificate, AdminsOnlyPermissionPolicy(Certificate))

_STATES = {
    "valid": gettext_lazy("Valid"),
    "expired": gettext_lazy("Expired"),
    "revoked": gettext_lazy("Revoked"),
    "superseded": gettext_lazy("Superseded"),
}


def _revocable(certificate: Certificate) -> bool:
    return certificate.status != Certificate.Status.REVOKED


class CertificateIndexView(generic.IndexView):
    revoke_url_name = None

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("holder")

    def search_queryset(self, queryset):
        # A code is found however it was typed: with dashes, spaces or in lowercase.
        try:
            return queryset.filter(code=code_normalise(self.search_query or ""))
        except ValidationError:
            return super().search_queryset(queryset)

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if _revocable(instance) and self.user_has_permission("revoke"):
            buttons.append(
                MenuItem(
                    _("Revoke"),
                    url=reverse(self.revoke_url_name, args=[quote(instance.pk)]),
                    icon_name="warning",
                    priority=40,
                )
            )
        return buttons


class CertificateInspectView(generic.InspectView):
    revoke_url_name = None
    fields = [
        "holder_name",
        "holder",
        "holder_organisation",
        "course_title",
        "hours",
        "code_display",
        "language",
        "completed_at",
        "issued_at",
        "expires_at",
        "status",
        "revoked_at",
        "revoked_by",
        "revoked_reason",
        "superseded_at",
        "superseded_by",
        "reminded_at",
    ]

    def get_field_label(self, field_name, field):
        if field_name == "code_display":
            return _("Verification code")
        return super().get_field_label(field_name, field)

    @property
    def header_more_buttons(self):
        buttons = [
            Button(
                _("Verification page"),
                url=self.object.get_verification_path(),
                icon_name="link-external",
                priority=10,
            )
        ]
        if _revocable(self.object) and self.user_has_permission("revoke"):
            buttons.append(
                Button(
                    _("Revoke"),
                    url=reverse(self.revoke_url_name, args=[quote(self.object.pk)]),
                    icon_name="warning",
                    priority=20,
                )
            )
        return buttons


class CertificateRevokeView(ObjectActionFormView):
    """Ask the reason, then revoke through the service and log it in the admin history."""

    model = Certificate
    permission_required = "revoke"
    form_class = CertificateRevokeForm
    template_name = "certificates/admin/revoke.html"
    page_title = gettext_lazy("Revoke certificate")
    header_icon = "warning"
    submit_button_label = gettext_lazy("Revoke")
    submit_button_active_label = gettext_lazy("Revoking…")
    inspect_url_name = None

    def form_valid(self, form):
        try:
            certificate = services.certificate_revoke(
                certificate=self.object, by=self.request.user, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        log(instance=certificate, action="certificates.revoke", user=self.request.user)
        messages.success(self.request, _("Certificate revoked."))
        return redirect(self.inspect_url_name, quote(certificate.pk))


class CertificateViewSet(ModelViewSet):
    """Admins find a certificate by code, holder or course, inspect it and revoke it."""

    model = Certificate
    icon = "tick-inverse"
    menu_label = gettext_lazy("Certificates")
    menu_order = 410
    add_to_admin_menu = True
    index_view_class = CertificateIndexView
    inspect_view_class = CertificateInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = [
        "holder_name",
        "course_title",
        Column("code", label=gettext_lazy("Code"), accessor="code_display"),
        "issued_at",
        "expires_at",
        Column("state", label=gettext_lazy("Status"), accessor=lambda c: _STATES[c.state]),
    ]
    list_filter = ["status"]
    # The add, edit and delete views exist but the permission policy closes them to everyone.
    form_fields = ["revoked_reason"]
    search_fields = ["holder_name", "course_title"]
    ordering = ["-issued_at"]

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(revoke_url_name=self.get_url_name("revoke"), **kwargs)

    @property
    def revoke_view(self):
        return self.construct_view(CertificateRevokeView)

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("revoke/<int:pk>/", self.revoke_view, name="revoke"),
        ]
