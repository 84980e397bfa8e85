from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from . import views

urlpatterns = [
    # Wagtail's own login form would skip allauth's rate limits, email verification and
    # second factor: every sign-in goes through allauth.
    path(
        "admin/login/",
        RedirectView.as_view(pattern_name="account_login", query_string=True),
        name="wagtailadmin_login",
    ),
    # Wagtail's logout deletes the session cookie even on a GET it refuses; the admin menu's
    # form posts to this name.
    path("admin/logout/", views.admin_logout, name="wagtailadmin_logout"),
    path("admin/", include(wagtailadmin_urls)),
    # Browsers ask for /favicon.ico whatever the page says.
    path("favicon.ico", views.favicon),
    path("documents/", include(wagtaildocs_urls)),
    # The xAPI statements resource has no language prefix: tools call it.
    path("xapi/", include("h5p.xapi.urls")),
    # H5P content IRIs must not change with the language.
    path("h5p/", include("h5p.content_urls")),
    # The address in a certificate's QR code has no language prefix: it redirects to the
    # verification page in the visitor's language.
    path("certificates/", include("certificates.public_urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static as serve_files

    from h5p.urls import media_urlpatterns

    urlpatterns += media_urlpatterns()
    urlpatterns += serve_files(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Every page for people has a language prefix (/en/, /fr/, /nl/); Wagtail's catch-all comes last.
urlpatterns += i18n_patterns(
    path("accounts/me/", include("accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("learning/", include("courses.urls")),
    path("assessments/", include("assessments.urls")),
    path("certificates/", include("certificates.urls")),
    path("h5p/", include("h5p.urls")),
    path("reports/", include("reports.urls")),
    # Wagtail's front-end login (for private pages) is Django's plain LoginView: like the
    # admin's, it would skip allauth's rate limits, email verification and second factor.
    path(
        "_util/login/",
        RedirectView.as_view(pattern_name="account_login", query_string=True),
        name="wagtailcore_login",
    ),
    path("", include(wagtail_urls)),
)
