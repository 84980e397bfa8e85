"""Wagtail editor forms for course pages."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from accounts import roles
from accounts.models import User


class CoursePageForm(WagtailAdminPageForm):
    """The creating trainer starts as an owner and cannot remove themselves by mistake."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "trainers" in self.fields:
            self.fields["trainers"].queryset = User.objects.filter(
                Q(groups__name=roles.TRAINERS) | Q(is_superuser=True), is_active=True
            ).distinct()
        user = self.for_user
        if user is not None and not self.instance.pk and "trainers" in self.fields:
            self.initial["trainers"] = [user.pk]

    def clean_trainers(self):
        trainers = self.cleaned_data["trainers"]
        user = self.for_user
        if user is not None and not user.is_superuser and user not in trainers:
            raise forms.ValidationError(
                _("Keep yourself among the owning trainers, or you could no longer edit it.")
            )
        return trainers
