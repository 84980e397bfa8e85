"""allauth hooks: fill in Liaison's profile at signup, land users in their own language."""

from allauth.account.adapter import DefaultAccountAdapter
from django.urls import translate_url

from .services import user_signup_complete


class AccountAdapter(DefaultAccountAdapter):
    """Completes signups through ``accounts.services`` and honours the preferred language."""

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        data = form.cleaned_data
        return user_signup_complete(
            user=user,
            full_name=data["full_name"],
            audience=data["audience"],
            organisation=data.get("organisation"),
            new_organisation=form.new_organisation(),
            preferred_language=data["preferred_language"],
        )

    def get_login_redirect_url(self, request):
        url = super().get_login_redirect_url(request)
        user = request.user
        if user.is_authenticated and user.preferred_language:
            return translate_url(url, user.preferred_language)
        return url
