"""Certificate templates (snippets, for trainers) and issued certificates (admins only)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from courses.permissions import CourseOwnedPermissionPolicy, course_owned_views

from .models import CertificateTemplate
from .panels import certificate_panel
from .selectors import certificate_personal_data
from .services import certificate_holder_erased
from .viewsets import CertificateViewSet

# Before the viewset, which otherwise creates the default policy.
register_permission_policy(
    CertificateTemplate, CourseOwnedPermissionPolicy(CertificateTemplate, course_field="courses")
)


@course_owned_views
class CertificateTemplateViewSet(SnippetViewSet):
    # Trainers add and change the templates of their courses (certificates
    # 0002_trainer_permissions, narrowed by the policy above).
    model = CertificateTemplate
    icon = "doc-full"
    menu_label = _("Certificate templates")
    menu_order = 400
    add_to_admin_menu = True
    list_display = ["title", "signatory_name", "validity_months"]
    search_fields = ["title"]


register_snippet(CertificateTemplateViewSet)


@hooks.register("liaison_account_erased")
def forget_erased_holder(user) -> None:
    """An erased account's certificates stop showing its name (see services)."""
    certificate_holder_erased(user=user)


@hooks.register("register_admin_viewset")
def register_certificate_viewset():
    return CertificateViewSet("issued_certificates")


@hooks.register("register_log_actions")
def register_certificate_log_actions(actions):
    actions.register_action("certificates.revoke", _("Revoke"), _("Certificate revoked"))


# What the certificates app adds through Liaison's hooks (cms.hooks).
hooks.register("liaison_course_panel", certificate_panel, order=300)


@hooks.register("liaison_reviewed_snippets")
def certificates_reviewed_snippets() -> list:
    """What a certificate says is legal content: template changes go through review."""
    return [CertificateTemplate]


@hooks.register("liaison_personal_data")
def certificates_personal_data(user) -> dict:
    """The certificates issued to the user."""
    return {"certificates": certificate_personal_data(user)}
