"""Template helpers for H5P blocks in lessons."""

from django import template
from django.urls import reverse

from .. import selectors
from ..models import H5PContent, H5PResult
from ..views import SANDBOX

register = template.Library()


@register.simple_tag(takes_context=True)
def h5p_result_for(context, content) -> H5PResult | None:
    """The signed-in trainee's result in ``content``, if any."""
    request = context.get("request")
    if content is None or request is None:
        return None
    return selectors.result_of(trainee=request.user, content=content)


@register.simple_tag(takes_context=True)
def h5p_player_config(context, content: H5PContent, page, block_id: str) -> dict:
    """What the block's sandboxed frame and the lesson page's script need.

    Outside a trainee's own lesson (a trainer's preview, the admin's page preview)
    nothing is recorded: no statement or state address is given.
    """
    request = context["request"]
    record = context.get("is_preview") is False and page.pk is not None
    return {
        "is_preview": not record,
        "sandbox": SANDBOX,
        "options_id": f"h5p-options-{block_id}",
        "options": selectors.player_options(content=content, user=request.user, record=record),
        "statements_url": reverse("h5p:statements", args=[page.pk, block_id]) if record else "",
        "state_url": reverse("h5p:state", args=[page.pk, block_id]) if record else "",
    }
