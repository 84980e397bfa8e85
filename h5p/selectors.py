"""Reads of the h5p app shared by its views and templates."""

from django.conf import settings
from django.templatetags.static import static

from accounts.models import User

from .models import H5PContent, H5PResult, H5PUserState
from .services.results import content_iri


def result_of(*, trainee: User, content: H5PContent) -> H5PResult | None:
    """The trainee's result in ``content``, if any."""
    if not trainee.is_authenticated:
        return None
    return H5PResult.objects.filter(trainee=trainee, content=content).first()


def user_state_of(*, trainee: User, content: H5PContent) -> str | None:
    """The trainee's saved state in ``content``, or None."""
    if not trainee.is_authenticated:
        return None
    return (
        H5PUserState.objects.filter(trainee=trainee, content=content)
        .values_list("state", flat=True)
        .first()
    )


def exercise_personal_data(user: User) -> list[dict]:
    """The user's result and saved state in each exercise, for "Download my data"."""
    rows: dict[int, dict] = {}
    for result in H5PResult.objects.filter(trainee=user).select_related("content"):
        rows[result.content_id] = {
            "exercise": result.content.title,
            "best_scaled": str(result.best_scaled),
            "last_scaled": str(result.last_scaled),
            "attempts": result.attempts,
            "first_result_at": result.first_at.isoformat(),
            "last_result_at": result.updated_at.isoformat(),
        }
    for state in H5PUserState.objects.filter(trainee=user).select_related("content"):
        row = rows.setdefault(state.content_id, {"exercise": state.content.title})
        row["saved_state"] = state.state
        row["state_saved_at"] = state.updated_at.isoformat()
    return list(rows.values())


def player_options(*, content: H5PContent, user: User, record: bool) -> dict:
    """What the lesson page hands the sandboxed frame for h5p-standalone to play ``content``.

    Paths are absolute from the site root: the frame's origin is opaque, its address is not.
    ``record``: the trainee's state is restored and saved (not in a trainer's preview).
    """
    media = settings.MEDIA_URL.rstrip("/")
    vendor = static("vendor/h5p-standalone/").rstrip("/")
    saved = user_state_of(trainee=user, content=content) if record else None
    return {
        "id": f"liaison-{content.pk}",
        "h5pJsonPath": f"{media}/{content.storage_path}",
        "librariesPath": f"{media}/h5p/libraries",
        "frameJs": f"{vendor}/frame.bundle.js",
        "frameCss": f"{vendor}/styles/h5p.css",
        "xAPIObjectIRI": content_iri(content),
        # No user: H5P core would then try to load and save the state itself, at an address
        # of the site the sandbox cannot reach. Its statements name an anonymous agent;
        # the server sets the actor of every statement anyway (the user's pseudonym).
        # A save frequency (long: the frame saves, not H5P core) makes H5P core hand the
        # saved state to the content; without a saved state there is no entry at all (a
        # "RESET" entry would show H5P's "content changed, starting over" dialog).
        "saveFreq": 86400,
        **({"contentUserData": [{"state": saved}]} if saved else {}),
        # H5P's own iframe embed writes its document into an about:blank frame, which in a
        # sandbox gets a new opaque origin of its own: the sandboxed page is the frame.
        "embedType": "div",
        "frame": False,
        "copyright": False,
        "export": False,
        "embed": False,
        "fullScreen": True,
    }
