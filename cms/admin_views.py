"""Building blocks for Liaison's own admin screens."""

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.text import capfirst
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin


class ObjectActionFormView(PermissionCheckedMixin, WagtailAdminTemplateMixin, FormView):
    """A form that acts on one object (revoke a certificate, replace a package), in the
    admin's frame: the object from the URL's ``pk``, its name under the title, breadcrumbs
    back to the listing, and the submit button's labels for the template.

    Subclasses set ``model``, ``permission_required``, ``form_class``, ``template_name``,
    ``page_title``, the two button labels and the viewset's ``index_url_name``.
    """

    model = None
    index_url_name = None
    submit_button_label = None
    submit_button_active_label = None

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.object = get_object_or_404(self.model, pk=kwargs["pk"])

    def get_page_subtitle(self):
        return str(self.object)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {
                "url": reverse(self.index_url_name),
                "label": capfirst(self.model._meta.verbose_name_plural),
            },
            {"url": "", "label": self.get_page_title(), "sublabel": self.get_page_subtitle()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            {
                "object": self.object,
                "action_url": self.request.path,
                "submit_button_label": self.submit_button_label,
                "submit_button_active_label": self.submit_button_active_label,
            }
        )
        return context
