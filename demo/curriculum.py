"""Finding the demo courses: every module of ``demo.content`` that defines ``COURSE``."""

import importlib
import pkgutil

from . import content
from .content.schema import Course

# The catalogue's order; a course file not named here comes after these, by file name.
ORDER = [
    "voluntary_return",
    "forced_return",
    "identification",
    "fundamental_rights",
    "trafficking",
    "training_of_trainers",
]


def demo_courses() -> list[Course]:
    """The ``COURSE`` of every module in ``demo/content``, in catalogue order."""
    names = sorted(
        (info.name for info in pkgutil.iter_modules(content.__path__)),
        key=lambda name: (ORDER.index(name) if name in ORDER else len(ORDER), name),
    )
    courses = []
    for name in names:
        module = importlib.import_module(f"{content.__name__}.{name}")
        course = getattr(module, "COURSE", None)
        if isinstance(course, Course):
            courses.append(course)
    return courses
