"""Admin screens for H5P packages: upload, list, rename, replace, delete; and, for
administrators, the upgrade of stored libraries from a package.

H5P contents belong to courses as quizzes do: trainers see and change only those of the
courses they own (``courses.permissions.CourseOwnedPermissionPolicy``).
"""

from django.contrib import messages
from django.contrib.admin.utils import quote
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.template.defaultfilters import filesizeformat
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail import hooks
from wagtail.admin.auth import permission_denied
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.usage import UsageView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import HeaderButton
from wagtail.log_actions import log
from wagtail.permissions import register_permission_policy

from cms.admin_views import ObjectActionFormView
from courses.permissions import CourseOwnedObjectViewMixin, CourseOwnedPermissionPolicy

from . import defaults
from .admin_forms import (
    H5PContentForm,
    H5PLibraryUpgradeConfirmForm,
    H5PLibraryUpgradeForm,
    H5PReplaceForm,
    H5PUploadForm,
)
from .models import H5PContent
from .services import h5p_content_delete, h5p_content_replace, h5p_package_upload
from .services.libraries import h5p_libraries_upgrade, h5p_library_upgrade_plan
from .services.packages import LibraryPatch

REPLACE_LOG_ACTION = "h5p.content_replace"

# Registered before the viewset, which otherwise creates the default policy.
register_permission_policy(H5PContent, CourseOwnedPermissionPolicy(H5PContent))


def _held_back_message(held_back: tuple[LibraryPatch, ...]) -> str:
    libraries = ", ".join(
        f"{patch.folder_name} ({patch.stored_patch} → {patch.carried_patch})" for patch in held_back
    )
    return _(
        "The package carries newer versions of libraries already stored (%(libraries)s). "
        "The stored ones are used: library code is shared by every course, so only an "
        "administrator applies the newer ones, with “Upgrade libraries”."
    ) % {"libraries": libraries}


class H5PContentIndexView(generic.IndexView):
    replace_url_name = None
    upgrade_url_name = None

    def get_base_queryset(self):
        return self.permission_policy.instances_user_has_permission_for(
            self.request.user, "change"
        ).select_related("main_library", "uploaded_by", "course")

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        buttons.append(
            MenuItem(
                _("Replace package"),
                url=reverse(self.replace_url_name, args=[quote(instance.pk)]),
                icon_name="upload",
                priority=15,
            )
        )
        return buttons

    @cached_property
    def header_buttons(self):
        buttons = super().header_buttons
        if self.request.user.is_superuser:
            buttons.append(
                HeaderButton(
                    _("Upgrade libraries"), url=reverse(self.upgrade_url_name), icon_name="upload"
                )
            )
        return buttons


class H5PUploadView(generic.CreateView):
    """The create view uploads a package through the import service."""

    submit_button_label = gettext_lazy("Upload")
    submit_button_active_label = gettext_lazy("Uploading…")
    success_message = gettext_lazy("H5P package '%(object)s' uploaded.")
    error_message = gettext_lazy("The H5P package could not be uploaded.")
    held_back: tuple[LibraryPatch, ...] = ()

    def save_instance(self):
        result = h5p_package_upload(
            file=self.form.cleaned_data["package"],
            uploaded_by=self.request.user,
            course=self.form.cleaned_data["course"],
        )
        self.held_back = result.held_back
        log(instance=result.content, action="wagtail.create", user=self.request.user)
        return result.content

    def get_success_message(self, instance):
        message = super().get_success_message(instance)
        if self.held_back:
            message = f"{message} {_held_back_message(self.held_back)}"
        return message

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ValidationError as error:
            # The service refuses the package with one message naming the file and the rule.
            form.add_error("package", error)
            self.produced_error_code = "validation_error"
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["max_file_mib"] = defaults.MAX_FILE_BYTES // (1024 * 1024)
        context["max_total_mib"] = defaults.MAX_TOTAL_BYTES // (1024 * 1024)
        return context


class H5PContentEditView(CourseOwnedObjectViewMixin, generic.EditView):
    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        # The generic edit view finds its object only later; the course check needs it now.
        self.object = self.get_object()


class H5PContentDeleteView(CourseOwnedObjectViewMixin, generic.DeleteView):
    """Deleting removes the content's folder too; the shared libraries stay."""

    def delete_action(self):
        log(instance=self.object, action="wagtail.delete", user=self.request.user)
        h5p_content_delete(content=self.object)


class H5PContentHistoryView(CourseOwnedObjectViewMixin, HistoryView):
    pass


class H5PContentUsageView(CourseOwnedObjectViewMixin, UsageView):
    pass


class H5PContentReplaceView(CourseOwnedObjectViewMixin, ObjectActionFormView):
    """Upload a new version of a content's package; its uuid, lessons and results stay."""

    model = H5PContent
    permission_required = "change"
    form_class = H5PReplaceForm
    template_name = "h5p/admin/replace.html"
    page_title = gettext_lazy("Replace H5P package")
    header_icon = "upload"
    submit_button_label = gettext_lazy("Replace")
    submit_button_active_label = gettext_lazy("Uploading…")
    edit_url_name = None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["max_file_mib"] = defaults.MAX_FILE_BYTES // (1024 * 1024)
        context["max_total_mib"] = defaults.MAX_TOTAL_BYTES // (1024 * 1024)
        return context

    def form_valid(self, form):
        try:
            result = h5p_content_replace(
                content=self.object,
                file=form.cleaned_data["package"],
                uploaded_by=self.request.user,
            )
        except ValidationError as error:
            form.add_error("package", error)
            return self.form_invalid(form)
        log(instance=result.content, action=REPLACE_LOG_ACTION, user=self.request.user)
        message = _("H5P package '%(object)s' replaced.") % {"object": result.content}
        if result.held_back:
            message = f"{message} {_held_back_message(result.held_back)}"
        messages.success(self.request, message)
        return redirect(self.index_url_name)


class H5PLibraryUpgradeView(WagtailAdminTemplateMixin, FormView):
    """Administrators only: upload a package, see what would change, then confirm."""

    form_class = H5PLibraryUpgradeForm
    template_name = "h5p/admin/upgrade_libraries.html"
    page_title = gettext_lazy("Upgrade H5P libraries")
    header_icon = "upload"
    index_url_name = None

    def dispatch(self, request, *args, **kwargs):
        # Library code runs for every course: its upgrade is not a trainer's decision.
        if not request.user.is_superuser:
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(self.index_url_name), "label": H5PContent._meta.verbose_name_plural},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["action_url"] = self.request.path
        context.setdefault("submit_button_label", _("Check the package"))
        context.setdefault("submit_button_active_label", _("Checking…"))
        return context

    def post(self, request, *args, **kwargs):
        if "token" in request.POST:
            return self.confirm(H5PLibraryUpgradeConfirmForm(request.POST))
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        try:
            plan = h5p_library_upgrade_plan(file=form.cleaned_data["package"])
        except ValidationError as error:
            form.add_error("package", error)
            return self.form_invalid(form)
        context = self.get_context_data(
            form=H5PLibraryUpgradeConfirmForm(initial={"token": plan.token}),
            plan=plan,
            submit_button_label=_("Upgrade these libraries"),
            submit_button_active_label=_("Upgrading…"),
        )
        return TemplateResponse(self.request, "h5p/admin/upgrade_libraries_confirm.html", context)

    def confirm(self, form):
        try:
            if not form.is_valid():
                raise ValidationError(_("This upgrade is unknown or has expired."))
            applied = h5p_libraries_upgrade(
                token=form.cleaned_data["token"], user=self.request.user
            )
        except ValidationError as error:
            messages.error(self.request, " ".join(error.messages))
            return redirect(self.request.path)
        messages.success(
            self.request,
            _("H5P libraries upgraded: %(libraries)s.")
            % {
                "libraries": ", ".join(
                    f"{patch.folder_name} ({patch.stored_patch} → {patch.carried_patch})"
                    for patch in applied
                )
                or _("none (already up to date)")
            },
        )
        return redirect(self.index_url_name)


class H5PContentViewSet(ModelViewSet):
    # Trainers and admins only: the permissions come from h5p 0002_trainer_permissions.
    model = H5PContent
    icon = "media"
    menu_label = gettext_lazy("H5P")
    menu_order = 350
    add_to_admin_menu = True
    url_prefix = "h5p/content"
    index_view_class = H5PContentIndexView
    add_view_class = H5PUploadView
    edit_view_class = H5PContentEditView
    delete_view_class = H5PContentDeleteView
    history_view_class = H5PContentHistoryView
    usage_view_class = H5PContentUsageView
    copy_view_enabled = False
    create_template_name = "h5p/admin/upload.html"
    list_display = [
        "title",
        "course",
        "main_library",
        Column("size", label=gettext_lazy("Size"), accessor=lambda c: filesizeformat(c.size)),
        "uploaded_by",
        "created_at",
    ]
    search_fields = ["title"]

    def get_form_class(self, for_update=False):
        return H5PContentForm if for_update else H5PUploadForm

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            replace_url_name=self.get_url_name("replace"),
            upgrade_url_name=self.get_url_name("upgrade_libraries"),
            **kwargs,
        )

    @property
    def replace_view(self):
        return self.construct_view(H5PContentReplaceView)

    @property
    def upgrade_libraries_view(self):
        return self.construct_view(H5PLibraryUpgradeView)

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("replace/<int:pk>/", self.replace_view, name="replace"),
            path("libraries/upgrade/", self.upgrade_libraries_view, name="upgrade_libraries"),
        ]


@hooks.register("register_admin_viewset")
def register_h5p_content_viewset():
    return H5PContentViewSet("h5p_content")


@hooks.register("register_log_actions")
def register_h5p_content_log_actions(actions):
    actions.register_action(
        REPLACE_LOG_ACTION, gettext_lazy("Replace package"), gettext_lazy("H5P package replaced")
    )
