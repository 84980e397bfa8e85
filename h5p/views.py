"""The H5P player page (framed in lessons) and the intake of its xAPI statements."""

import json
from http import HTTPStatus

from csp.decorators import csp_replace, csp_update
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_GET, require_POST

from courses import selectors as course_selectors
from courses.models import LessonPage

from .models import H5PContent
from .services.results import content_iri, lesson_exercise, player_statements_receive

# The player's bundled H5P core compiles templates with eval, writes its settings into the
# content's frame as an inline script, and sets inline styles. This looser policy applies to
# the player page only, which lessons show in a same-origin frame; it runs nothing but the
# pinned player and the libraries of packages that trusted roles uploaded.
PLAYER_CSP = {
    "script-src": ["'unsafe-eval'", "'unsafe-inline'"],
    "style-src": ["'unsafe-inline'"],
    "img-src": ["blob:"],
    "media-src": ["'self'", "blob:"],
    "frame-src": ["'self'"],
}
# The site's frame-ancestors is 'none'; this page alone may be framed, by this site's lessons.
PLAYER_FRAME_ANCESTORS = {"frame-ancestors": ["'self'"]}


def _lesson_and_exercise(request, lesson_id: int, block_id: str):
    lesson = get_object_or_404(LessonPage.objects.live(), pk=lesson_id)
    course = course_selectors.course_of(lesson)
    enrolment = course_selectors.enrolment_of(user=request.user, course=course)
    may_preview = course_selectors.user_is_trainer(request.user)
    if (enrolment is None or not enrolment.gives_access) and not may_preview:
        raise Http404
    exercise = lesson_exercise(lesson, block_id)
    if exercise is None:
        raise Http404
    return lesson, exercise, enrolment


@require_GET
@xframe_options_sameorigin
@csp_update(PLAYER_CSP)
@csp_replace(PLAYER_FRAME_ANCESTORS)
def player(request, lesson_id: int, block_id: str):
    """The player for one exercise of one lesson; its statements go to ``statements``."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    lesson, exercise, enrolment = _lesson_and_exercise(request, lesson_id, block_id)
    content = exercise.content
    media = settings.MEDIA_URL.rstrip("/")
    vendor = static("vendor/h5p-standalone/").rstrip("/")
    return render(
        request,
        "h5p/player.html",
        {
            "content": content,
            "is_preview": enrolment is None or not enrolment.gives_access,
            "options": {
                "id": f"liaison-{content.pk}",
                "h5pJsonPath": f"{media}/{content.storage_path}",
                "librariesPath": f"{media}/h5p/libraries",
                "frameJs": f"{vendor}/frame.bundle.js",
                "frameCss": f"{vendor}/styles/h5p.css",
                "xAPIObjectIRI": content_iri(content),
                # H5P core needs both; the address is never a real one (the server replaces
                # the actor of every statement anyway, by the user's pseudonym).
                "user": {
                    "name": request.user.full_name,
                    "mail": f"{request.user.pseudonym}@users.liaison.invalid",
                },
                "saveFreq": False,
                # No saved state to resume: without this, H5P core would fetch it from an
                # address it was not given, and the exercise would not start.
                "contentUserData": [{"state": "RESET"}],
                "frame": False,
                "copyright": False,
                "export": False,
                "embed": False,
                "fullScreen": True,
            },
            "statements_url": reverse("h5p:statements", args=[lesson.pk, exercise.block_id]),
        },
    )


@login_required
@require_POST
def statements(request, lesson_id: int, block_id: str):
    """The player posts its xAPI statements here (JSON: one statement or a list)."""
    lesson = get_object_or_404(LessonPage.objects.live(), pk=lesson_id)
    try:
        payload = json.loads(request.body or b"null")
    except ValueError:
        return JsonResponse({"error": "The body is not JSON."}, status=HTTPStatus.BAD_REQUEST)
    batch = payload if isinstance(payload, list) else [payload]
    try:
        result = player_statements_receive(
            trainee=request.user, lesson=lesson, block_id=block_id, statements=batch
        )
    except PermissionDenied:
        raise Http404 from None
    except ValidationError as error:
        return JsonResponse(
            {"error": " ".join(error.messages)}, status=HTTPStatus.BAD_REQUEST
        )
    return JsonResponse(
        {
            "stored": True,
            "best_scaled": str(result.best_scaled) if result else None,
        }
    )


@login_required
@require_GET
def content(request, uuid):
    """The canonical URL of a content (its xAPI activity id): what it is, for people."""
    item = get_object_or_404(H5PContent.objects.select_related("main_library"), uuid=uuid)
    return render(request, "h5p/content.html", {"content": item})
