"""Admin screens for H5P packages (upload, list, delete)."""

from django.core.exceptions import ValidationError
from django.forms import modelform_factory
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import log

from . import defaults
from .admin_forms import H5PUploadForm
from .models import H5PContent
from .services import h5p_content_delete, h5p_package_import


class H5PContentIndexView(generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("main_library", "uploaded_by")


class H5PUploadView(generic.CreateView):
    """The create view uploads a package through the import service."""

    submit_button_label = _("Upload")
    submit_button_active_label = _("Uploading…")
    success_message = _("H5P package '%(object)s' uploaded.")
    error_message = _("The H5P package could not be uploaded.")

    def save_instance(self):
        content = h5p_package_import(
            file=self.form.cleaned_data["package"], uploaded_by=self.request.user
        )
        log(instance=content, action="wagtail.create", user=self.request.user)
        return content

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


class H5PContentDeleteView(generic.DeleteView):
    """Deleting removes the content's folder too; the shared libraries stay."""

    def delete_action(self):
        log(instance=self.object, action="wagtail.delete", user=self.request.user)
        h5p_content_delete(content=self.object)


class H5PContentViewSet(ModelViewSet):
    # Trainers and admins only: the permissions come from h5p 0002_trainer_permissions.
    model = H5PContent
    icon = "media"
    menu_label = _("H5P")
    menu_order = 350
    add_to_admin_menu = True
    url_prefix = "h5p/content"
    index_view_class = H5PContentIndexView
    add_view_class = H5PUploadView
    delete_view_class = H5PContentDeleteView
    copy_view_enabled = False
    create_template_name = "h5p/admin/upload.html"
    list_display = [
        "title",
        "main_library",
        Column("size", label=_("Size"), accessor=lambda content: filesizeformat(content.size)),
        "uploaded_by",
        "created_at",
    ]
    search_fields = ["title"]

    def get_form_class(self, for_update=False):
        if for_update:
            # Only the title may change; the package itself is replaced by a new upload.
            return modelform_factory(self.model, form=WagtailAdminModelForm, fields=["title"])
        return H5PUploadForm


@hooks.register("register_admin_viewset")
def register_h5p_content_viewset():
    return H5PContentViewSet("h5p_content")
