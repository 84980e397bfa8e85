"""Admin screens for xAPI clients and the statement log; only superusers see them.

A client's key and secret are made by the server when the client is created; the secret is
shown on the page that answers the creation, once, and only its digest is kept. To change
a secret, create a new client and deactivate the old one (the log keeps who posted what).
"""

from django.contrib.auth import get_user_model
from django.http import HttpResponse
from django.template import engines
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.views.generic.models import CreateView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import register_permission_policy

from ..models import Statement, XAPIClient
from .auth import client_credentials_issue

# Rendered in place of the usual redirect, so the secret never travels in a cookie (as a
# flash message would) and is not in any URL.
_SECRET_PAGE = engines["django"].from_string(
    """{% extends "wagtailadmin/generic/base.html" %}
{% block main_content %}
  <p class="help-block help-warning">{{ notice }}</p>
  <dl>
    <dt>{{ key_label }}</dt><dd><code data-xapi-key>{{ client.key }}</code></dd>
    <dt>{{ secret_label }}</dt><dd><code data-xapi-secret>{{ secret }}</code></dd>
  </dl>
  <p><a class="button" href="{{ index_url }}">{{ index_label }}</a></p>
{% endblock %}"""
)


class SuperuserPermissionPolicy(BasePermissionPolicy):
    """Active superusers only, and only the ``actions`` given (all when None)."""

    def __init__(self, model, actions: set[str] | None = None):
        super().__init__(model)
        self.actions = actions

    def user_has_permission(self, user, action):
        allowed = self.actions is None or action in self.actions
        return allowed and user.is_active and user.is_superuser

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        users = get_user_model().objects.filter(is_active=True, is_superuser=True)
        if self.actions is not None and not set(actions) & self.actions:
            return users.none()
        return users

    def users_with_permission(self, action):
        return self.users_with_any_permission([action])


# Registered before the viewsets, which otherwise create Django-permission policies.
register_permission_policy(XAPIClient, SuperuserPermissionPolicy(XAPIClient))
register_permission_policy(Statement, SuperuserPermissionPolicy(Statement, actions={"view"}))


class XAPIClientCreateView(CreateView):
    """Creates the client with a server-made key and secret, then shows them once."""

    def save_instance(self):
        self.secret = client_credentials_issue(self.form.instance)
        return super().save_instance()

    def save_action(self):
        context = self.get_context_data()
        context.update(
            client=self.object,
            secret=self.secret,
            notice=_("Copy the secret now: it is shown only this once."),
            key_label=capfirst(XAPIClient._meta.get_field("key").verbose_name),
            secret_label=_("Secret"),
            index_url=reverse(self.index_url_name),
            index_label=capfirst(XAPIClient._meta.verbose_name_plural),
        )
        response = HttpResponse(_SECRET_PAGE.render(context, self.request))
        add_never_cache_headers(response)
        return response


class XAPIClientViewSet(ModelViewSet):
    """Tools and reporting systems allowed to call /xapi/statements."""

    model = XAPIClient
    add_view_class = XAPIClientCreateView
    icon = "key"
    add_to_settings_menu = True
    copy_view_enabled = False
    list_display = ["name", "key", "can_read", "can_write", "is_active", "created_at"]
    list_filter = ["is_active", "can_write"]
    form_fields = ["name", "can_read", "can_write", "is_active"]


class StatementViewSet(ModelViewSet):
    """The statement log, read-only: statements change only through the xAPI resource."""

    model = Statement
    icon = "list-ul"
    add_to_settings_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    # Digests for the GET filters: nothing a person can read.
    inspect_view_fields_exclude = ["agents", "related_agents", "related_activities"]
    list_display = ["__str__", "user", "stored", "voided", "client"]
    list_filter = ["voided"]
    # Required by ModelViewSet; the permission policy allows only viewing.
    form_fields = ["voided"]


@hooks.register("register_admin_viewset")
def register_xapi_viewsets():
    return [XAPIClientViewSet("xapi_clients"), StatementViewSet("xapi_statements")]
