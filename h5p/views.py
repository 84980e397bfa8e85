"""The sandboxed H5P player, the intake of its statements and saved states, and its media.

H5P packages carry their own JavaScript, uploaded by trainers: it never runs on the site's
origin. Lessons frame ``player_frame`` with ``sandbox="allow-scripts allow-forms allow-popups"``
and no ``allow-same-origin``, and the page itself is served with the same sandbox in its
Content-Security-Policy, so even opened on its own it runs in an opaque origin: no cookies,
no storage, no access to the lesson page, no credentialed request to the site. The lesson
page (``cms/static/cms/sandbox.js`` and ``h5p/static/h5p/lesson.js``) hands the frame what
to play by ``postMessage``, checks every message it gets back, and is the one that sends
statements and saved states to the server with the trainee's session.
"""

import posixpath
from http import HTTPStatus

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.templatetags.static import static
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_GET, require_POST
from django.views.static import serve

from courses import selectors as course_selectors
from courses.models import LessonPage

from . import defaults
from .models import H5PContent
from .services.results import player_statements_receive
from .services.state import user_state_save
from .xapi.jsonbody import json_parse, statements_of

# What the sandboxed frame may do: run scripts, handle its forms' submit events (the policy's
# form-action 'none' keeps any form from going anywhere) and open links in new, still
# sandboxed, windows. Never allow-same-origin or allow-top-navigation.
SANDBOX = "allow-scripts allow-forms allow-popups"
# Files under MEDIA_URL/h5p/ a browser could run as a document if opened on their own:
# served as downloads, on top of the sandbox every H5P file gets.
ACTIVE_EXTENSIONS = frozenset(
    {".svg", ".svgz", ".xml", ".swf", ".pdf", ".js", ".html", ".htm", ".xhtml"}
)


def _absolute(request: HttpRequest, url: str) -> str:
    return url if "://" in url else request.build_absolute_uri(url)


def player_frame_csp(request: HttpRequest) -> str:
    """The frame's policy: the sandbox, scripts from the player and the H5P libraries only,
    network reads from the H5P media only, videos from the configured embed hosts."""
    h5p_media = _absolute(request, settings.MEDIA_URL) + "h5p/"
    player = _absolute(request, static("vendor/h5p-standalone/"))
    own = _absolute(request, static("h5p/"))
    embeds = " ".join(defaults.EMBED_HOSTS)
    return "; ".join(
        [
            f"sandbox {SANDBOX}",
            "default-src 'none'",
            # H5P core compiles templates with eval and writes inline scripts and styles
            # into its own frame: allowed here only, inside the sandbox.
            f"script-src {player} {own} {h5p_media} 'unsafe-inline' 'unsafe-eval' {embeds}",
            f"style-src {player} {own} {h5p_media} 'unsafe-inline'",
            f"img-src {player} {h5p_media} data: blob: {embeds}",
            f"media-src {h5p_media} blob: {embeds}",
            f"font-src {player} {h5p_media} data:",
            f"connect-src {h5p_media}",
            f"frame-src {embeds}".strip(),
            "worker-src blob:",  # Audio Recorder
            "form-action 'none'",
            "base-uri 'none'",
            "object-src 'none'",
            "frame-ancestors 'self'",
        ]
    )


@require_GET
@xframe_options_sameorigin
@cache_control(max_age=3600)
def player_frame(request):
    """The sandboxed page that plays one exercise; what to play comes by postMessage.

    It holds nothing about the user, so it needs no sign-in and may be cached.
    """
    response = render(request, "h5p/frame.html")
    response["Content-Security-Policy"] = player_frame_csp(request)
    return response


def _open_lesson(request: HttpRequest, lesson_id: int) -> LessonPage:
    """The lesson, if the trainee may open it now: enrolled, reachable, past any gate
    (the pre-test). A result for a lesson still locked is refused like a missing one."""
    lesson = get_object_or_404(LessonPage.objects.live(), pk=lesson_id)
    course = course_selectors.course_of(lesson)
    enrolment = course_selectors.enrolment_of(user=request.user, course=course)
    if (
        enrolment is None
        or not enrolment.gives_access
        or not course_selectors.lesson_reachable(lesson=lesson, course=course)
        or course_selectors.lesson_gate_url(request, course, enrolment)
    ):
        raise Http404
    return lesson


def _refused(error: ValidationError) -> JsonResponse:
    return JsonResponse({"error": " ".join(error.messages)}, status=HTTPStatus.BAD_REQUEST)


@login_required
@require_POST
def statements(request, lesson_id: int, block_id: str):
    """The lesson page relays the player's xAPI statements here (one or a list)."""
    lesson = _open_lesson(request, lesson_id)
    try:
        batch = statements_of(json_parse(request.body))
        intake = player_statements_receive(
            trainee=request.user, lesson=lesson, block_id=block_id, statements=batch
        )
    except PermissionDenied:
        raise Http404 from None
    except ValidationError as error:
        return _refused(error)
    return JsonResponse(
        {
            "stored": True,
            "best_scaled": str(intake.result.best_scaled) if intake.result else None,
            "lesson_completed": intake.lesson_completed,
            "missing": intake.missing,
        }
    )


@login_required
@require_POST
def state(request, lesson_id: int, block_id: str):
    """The lesson page saves where the trainee is in the exercise: ``{"state": "…"}``."""
    lesson = _open_lesson(request, lesson_id)
    try:
        payload = json_parse(request.body)
        saved = payload.get("state") if isinstance(payload, dict) else None
        if not isinstance(saved, str):
            raise ValidationError(_("Send the state as a string."), code="state")
        user_state_save(trainee=request.user, lesson=lesson, block_id=block_id, state=saved)
    except PermissionDenied:
        raise Http404 from None
    except ValidationError as error:
        return _refused(error)
    return HttpResponse(status=HTTPStatus.NO_CONTENT)


def media(request, path: str):
    """H5P files as the sandboxed player needs them and as a web server must serve them
    (README, "Serving H5P files"): readable from the opaque origin (CORS), and inert if
    opened on their own. For development and the browser tests; production serves
    MEDIA_ROOT/h5p/ from the web server with the same headers."""
    response = serve(request, path, document_root=posixpath.join(settings.MEDIA_ROOT, "h5p"))
    response["Access-Control-Allow-Origin"] = "*"
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    response["X-Content-Type-Options"] = "nosniff"
    if posixpath.splitext(path)[1].lower() in ACTIVE_EXTENSIONS:
        response["Content-Disposition"] = "attachment"
    return response


@login_required
@require_GET
def content(request, uuid):
    """The canonical URL of a content (its xAPI activity id): what it is, for people."""
    item = get_object_or_404(H5PContent.objects.select_related("main_library"), uuid=uuid)
    return render(request, "h5p/content.html", {"content": item})
