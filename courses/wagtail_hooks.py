"""What the courses app adds through Liaison's hooks (cms.hooks): its own completion
requirements and the learning data of the personal-data export."""

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from wagtail import hooks

from . import completion, selectors
from .selectors.documents import document_servable

hooks.register("liaison_completion_requirement", completion.required_lessons, order=100)
hooks.register("liaison_completion_requirement", completion.attended_sessions, order=200)


@hooks.register("liaison_personal_data")
def learning_personal_data(user) -> dict:
    """The trainee's enrolments, progress and sessions."""
    return {"courses": selectors.trainee_learning_data(user)}


@hooks.register("before_serve_document")
def document_access(document, request):
    """Documents go only to those who may open a lesson using them (or manage documents)."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not document_servable(document=document, user=request.user):
        raise PermissionDenied
    return None
