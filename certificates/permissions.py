"""Who may see and revoke issued certificates in the Wagtail admin: admins only."""

from django.contrib.auth import get_user_model
from wagtail.permission_policies.base import BasePermissionPolicy


class AdminsOnlyPermissionPolicy(BasePermissionPolicy):
    """Superusers list, inspect and revoke certificates; nobody adds, edits or deletes them.

    Certificates are issued by the completion task, and a verifier must always find the one
    they were shown: revoking is the only change an admin makes.
    """

    ACTIONS = frozenset({"view", "revoke"})

    def user_has_permission(self, user, action):
        return action in self.ACTIONS and user.is_active and user.is_superuser

    def users_with_any_permission(self, actions):
        if not self.ACTIONS.intersection(actions):
            return get_user_model().objects.none()
        return get_user_model().objects.filter(is_active=True, is_superuser=True)
