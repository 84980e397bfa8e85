"""The admin chooser for H5P contents, used by the lesson block."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.generic.chooser import ChooseResultsView, ChooseView
from wagtail.admin.viewsets.chooser import ChooserViewSet

from courses.permissions import CourseOwnedChooserMixin


class H5PContentChooseView(CourseOwnedChooserMixin, ChooseView):
    pass


class H5PContentChooseResultsView(CourseOwnedChooserMixin, ChooseResultsView):
    pass


class H5PContentChooserViewSet(ChooserViewSet):
    """A trainer building a lesson picks among the exercises of their own courses (and those
    of no course yet), as for quizzes."""

    model = "h5p.H5PContent"
    icon = "media"
    choose_one_text = _("Choose an H5P exercise")
    choose_another_text = _("Choose another H5P exercise")
    edit_item_text = _("Edit H5P exercise")
    choose_view_class = H5PContentChooseView
    choose_results_view_class = H5PContentChooseResultsView
    # Packages are uploaded (and validated) through their own admin screen, never here.
    creation_form_class = None
    form_fields = None


h5p_content_chooser_viewset = H5PContentChooserViewSet("h5p_content_chooser")
