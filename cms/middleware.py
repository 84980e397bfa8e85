"""Framing rules: the site refuses to be framed, except Wagtail's own preview panel."""

ADMIN_PREFIX = "/admin/"

# The Wagtail admin needs inline scripts and styles, and frames embeds in previews; anything
# else still comes from this site only.
ADMIN_CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self' 'unsafe-inline'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob: https:",
        "media-src 'self' https:",
        "frame-src 'self' https:",
        "frame-ancestors 'self'",
        "form-action 'self'",
        "base-uri 'self'",
        "object-src 'none'",
    ]
)


class AdminCSPMiddleware:
    """Sets the admin's Content-Security-Policy (the site-wide one excludes /admin/)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(ADMIN_PREFIX):
            response.setdefault("Content-Security-Policy", ADMIN_CONTENT_SECURITY_POLICY)
        return response


class PreviewFramingMiddleware:
    """Lets the Wagtail admin frame its page previews (same origin only).

    X_FRAME_OPTIONS stays DENY for the whole site; Django's clickjacking middleware keeps a
    header that is already set, so this runs inside it and sets SAMEORIGIN on preview views.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        url_name = (match.url_name or "") if match else ""
        if request.path.startswith(ADMIN_PREFIX) and url_name.startswith("preview"):
            response["X-Frame-Options"] = "SAMEORIGIN"
        return response
