"""The catalogue (CourseIndexPage): filters, full-text search, the trainee's own status."""

from django.core.paginator import Paginator
from django.utils.translation import get_language

from ..forms import CatalogueFilterForm
from ..models import CoursePage, Enrolment

PAGE_SIZE = 20


def catalogue_context(request, index_page) -> dict:
    """Context for the catalogue page; a constant number of queries whatever its size."""
    data = request.GET.copy()
    if "language" not in data:
        data["language"] = (get_language() or "en")[:2]
    form = CatalogueFilterForm(data, locale=index_page.locale)
    courses = CoursePage.objects.live().public()
    if form.is_valid():
        filters = form.cleaned_data
        if filters["topic"]:
            courses = courses.filter(topics__slug=filters["topic"].slug)
        if filters["audience"]:
            courses = courses.filter(audiences__code=filters["audience"])
        if filters["language"]:
            courses = courses.filter(locale__language_code=filters["language"])
        if filters["q"]:
            hits = [page.pk for page in CoursePage.objects.live().search(filters["q"])]
            courses = courses.filter(pk__in=hits)
    courses = (
        courses.distinct()
        .select_related("locale")
        .prefetch_related("topics", "audiences")
        .order_by("title")
    )
    page = Paginator(courses, PAGE_SIZE).get_page(request.GET.get("page"))
    statuses = {}
    if request.user.is_authenticated:
        statuses = dict(
            Enrolment.objects.filter(
                trainee=request.user, course__in=[course.pk for course in page]
            ).values_list("course_id", "status")
        )
    for course in page:
        course.my_status = statuses.get(course.pk)
    return {"filter_form": form, "courses": page, "status_labels": dict(Enrolment.Status.choices)}
