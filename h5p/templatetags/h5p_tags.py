"""Template helpers for H5P blocks in lessons."""

from django import template

from ..models import H5PResult

register = template.Library()


@register.simple_tag(takes_context=True)
def h5p_result_for(context, content) -> H5PResult | None:
    """The signed-in trainee's result in ``content``, if any."""
    request = context.get("request")
    if content is None or request is None or not request.user.is_authenticated:
        return None
    return H5PResult.objects.filter(trainee=request.user, content=content).first()
