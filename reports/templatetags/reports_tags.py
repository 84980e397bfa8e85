"""Template helpers of the reports app."""

from django import template

from ..data import user_can_read_reports

register = template.Library()


@register.simple_tag(takes_context=True)
def user_is_programme_manager(context) -> bool:
    """Whether the signed-in user reads reports (programme managers and admins)."""
    request = context.get("request")
    return bool(request and user_can_read_reports(request.user))
