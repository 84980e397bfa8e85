"""The course tree (Wagtail pages), its snippets, and the learning records of trainees."""

import secrets

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import AbstractGroupApprovalTask, Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from accounts.models import Audience, Organisation

from .admin_forms import CoursePageForm, LessonPageForm
from .blocks import LessonStreamBlock
from .permissions import CourseTreePermissionsMixin


class Topic(TranslatableMixin, index.Indexed, models.Model):
    """A subject a course covers: voluntary return, forced return, identification, …"""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120)
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="courses_topic_unique_slug")
        ]

    def __str__(self) -> str:
        return self.name


class CourseAudience(models.Model):
    """An audience a course is written for; the values are those of ``accounts.Audience``."""

    code = models.CharField(_("audience"), max_length=32, choices=Audience.choices, unique=True)

    panels = [FieldPanel("code")]

    class Meta:
        verbose_name = _("audience")
        verbose_name_plural = _("audiences")
        ordering = ["code"]

    def __str__(self) -> str:
        return str(self.get_code_display())


register_snippet(Topic)
register_snippet(CourseAudience)


class CourseIndexPage(Page):
    """The catalogue: every published course, with filters and search."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["courses.CoursePage"]
    max_count_per_parent = 1
    content_panels = [*Page.content_panels, FieldPanel("intro")]

    class Meta:
        verbose_name = _("course catalogue")

    def get_context(self, request, *args, **kwargs):
        from .views.catalogue import catalogue_context

        context = super().get_context(request, *args, **kwargs)
        context.update(catalogue_context(request, self))
        return context


class EnrolmentMode(models.TextChoices):
    OPEN = "open", _("Open: trainees enrol themselves")
    APPROVAL = "approval", _("On approval: a trainer accepts each request")
    COHORT = "cohort", _("Cohort only: trainers enrol their groups")


class CoursePage(CourseTreePermissionsMixin, Page):
    """A course: its description, who it is for, how one enrols and when it is complete."""

    summary = models.TextField(_("summary"), max_length=600)
    topics = ParentalManyToManyField(Topic, verbose_name=_("topics"), blank=True)
    audiences = ParentalManyToManyField(CourseAudience, verbose_name=_("audiences"), blank=True)
    estimated_hours = models.DecimalField(
        _("estimated hours"),
        max_digits=5,
        decimal_places=1,
        default=1,
        validators=[MinValueValidator(0)],
    )
    trainers = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owning trainers"),
        blank=True,
        related_name="owned_courses",
        help_text=_("These trainers edit the course, approve enrolments and follow progress."),
    )
    enrolment_mode = models.CharField(
        _("enrolment"), max_length=16, choices=EnrolmentMode.choices, default=EnrolmentMode.OPEN
    )
    prerequisites = ParentalManyToManyField(
        "self",
        verbose_name=_("prerequisite courses"),
        blank=True,
        symmetrical=False,
        related_name="required_by",
        help_text=_("Courses a trainee must have completed before enrolling in this one."),
    )
    is_training_of_trainers = models.BooleanField(
        _("training of trainers"),
        default=False,
        help_text=_("Trainees of this course go on to train others (counted in the cascade)."),
    )
    required_sessions = models.PositiveSmallIntegerField(
        _("classroom sessions to attend"),
        default=0,
        help_text=_("How many of this course's classroom sessions a trainee must attend."),
    )

    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.ModulePage"]
    base_form_class = CoursePageForm

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        InlinePanel("objectives", label=_("Learning objectives"), min_num=1),
        MultiFieldPanel(
            [FieldPanel("topics"), FieldPanel("audiences"), FieldPanel("estimated_hours")],
            heading=_("Catalogue"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("trainers"),
                FieldPanel("enrolment_mode"),
                FieldPanel("prerequisites"),
                FieldPanel("is_training_of_trainers"),
            ],
            heading=_("Enrolment"),
        ),
        MultiFieldPanel(
            [FieldPanel("required_sessions")],
            heading=_("Completion rule"),
            help_text=_(
                "A trainee completes the course when every required lesson is done and the "
                "required sessions are attended (and, later, required assessments passed)."
            ),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("objectives_text"),
        index.FilterField("enrolment_mode"),
    ]

    class Meta:
        verbose_name = _("course")

    @property
    def objectives_text(self) -> str:
        return " ".join(objective.text for objective in self.objectives.all())

    def serve(self, request, *args, **kwargs):
        from .views.pages import course_serve

        return course_serve(request, self)


class LearningObjective(Orderable):
    """What a trainee can do after the course; assessments are tagged with these."""

    course = ParentalKey(CoursePage, on_delete=models.CASCADE, related_name="objectives")
    text = models.CharField(_("objective"), max_length=300)

    panels = [FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = _("learning objective")
        verbose_name_plural = _("learning objectives")

    def __str__(self) -> str:
        return self.text


class ModulePage(CourseTreePermissionsMixin, Page):
    """A chapter of a course, grouping its lessons."""

    summary = models.TextField(_("summary"), blank=True, max_length=600)

    parent_page_types = ["courses.CoursePage"]
    subpage_types = ["courses.LessonPage"]
    content_panels = [*Page.content_panels, FieldPanel("summary")]

    class Meta:
        verbose_name = _("module")

    def serve(self, request, *args, **kwargs):
        from django.shortcuts import redirect

        # A module has no page of its own: its lessons are listed on the course page.
        return redirect(self.get_parent().url + f"#module-{self.pk}")


class LessonPage(CourseTreePermissionsMixin, Page):
    """A lesson: a sequence of blocks a trainee reads, watches and does."""

    body = StreamField(LessonStreamBlock(), verbose_name=_("content"), use_json_field=True)
    estimated_minutes = models.PositiveSmallIntegerField(_("estimated minutes"), default=10)
    is_required = models.BooleanField(
        _("required for completion"),
        default=True,
        help_text=_("Untick for optional further reading."),
    )

    parent_page_types = ["courses.ModulePage"]
    subpage_types: list[str] = []
    base_form_class = LessonPageForm
    content_panels = [
        *Page.content_panels,
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("estimated_minutes"), FieldPanel("is_required")], heading=_("Lesson")
        ),
    ]
    search_fields = [*Page.search_fields, index.SearchField("body")]

    class Meta:
        verbose_name = _("lesson")

    def serve(self, request, *args, **kwargs):
        from .views.pages import lesson_serve

        return lesson_serve(request, self)


class SecondReviewerApprovalTask(AbstractGroupApprovalTask):
    """Group approval where nobody approves their own submission (four-eyes legal review)."""

    def _is_submitter(self, obj, user) -> bool:
        state = getattr(obj, "current_workflow_state", None)
        return bool(state and state.requested_by_id == user.pk)

    def get_actions(self, obj, user):
        if self._is_submitter(obj, user):
            return []
        return super().get_actions(obj, user)

    def on_action(self, task_state, user, action_name, **kwargs):
        if task_state.workflow_state.requested_by_id == user.pk:
            raise PermissionDenied(_("A second trainer must review your submission."))
        return super().on_action(task_state, user, action_name, **kwargs)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = super().get_task_states_user_can_moderate(user, **kwargs)
        return states.exclude(workflow_state__requested_by=user)

    @classmethod
    def get_description(cls):
        return _("A member of the chosen groups other than the submitter approves")

    class Meta:
        verbose_name = _("Second-reviewer approval")
        verbose_name_plural = _("Second-reviewer approvals")


class Enrolment(models.Model):
    """A trainee's place in a course, from request to completion."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting approval")
        ACTIVE = "active", _("In progress")
        COMPLETED = "completed", _("Completed")
        WITHDRAWN = "withdrawn", _("Withdrawn")
        REJECTED = "rejected", _("Not accepted")

    class Source(models.TextChoices):
        SELF = "self", _("Self-enrolled")
        APPROVAL = "approval", _("Approved request")
        COHORT = "cohort", _("Cohort")
        IMPORT = "import", _("Import")

    trainee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("trainee"),
        on_delete=models.CASCADE,
        related_name="enrolments",
    )
    course = models.ForeignKey(
        CoursePage, verbose_name=_("course"), on_delete=models.CASCADE, related_name="enrolments"
    )
    cohort = models.ForeignKey(
        "courses.Cohort",
        verbose_name=_("cohort"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="enrolments",
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices)
    source = models.CharField(_("source"), max_length=16, choices=Source.choices)
    created_at = models.DateTimeField(_("requested or created"), default=timezone.now)
    activated_at = models.DateTimeField(_("started"), null=True, blank=True)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    last_activity_at = models.DateTimeField(_("last activity"), null=True, blank=True)
    # When the trainee first opened a lesson of the course: the enrolment counts as started
    # from then on (reports), kept here by ``lesson_view`` so that reading it needs no look
    # into the lesson progress. It stays when a lesson, and its progress, is deleted later.
    first_viewed_at = models.DateTimeField(_("first lesson opened"), null=True, blank=True)
    # The evaluation's milestones, kept by the assessments app's services for the same
    # reason: the first graded pre-test, the first passed post-test, the follow-up answered.
    pre_test_at = models.DateTimeField(_("pre-test taken"), null=True, blank=True)
    post_test_passed_at = models.DateTimeField(_("post-test passed"), null=True, blank=True)
    follow_up_at = models.DateTimeField(_("follow-up survey answered"), null=True, blank=True)
    # The completion rule as it stood when the trainee completed: editing the course later
    # never silently un-completes anyone, and reports can tell which rule applied.
    completion_rule = models.JSONField(_("completion rule used"), null=True, blank=True)

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [
            models.UniqueConstraint(
                fields=["trainee", "course"], name="courses_enrolment_one_per_course"
            )
        ]
        indexes = [models.Index(fields=["course", "status"])]

    def __str__(self) -> str:
        return f"{self.trainee} – {self.course}"

    @property
    def gives_access(self) -> bool:
        return self.status in (self.Status.ACTIVE, self.Status.COMPLETED)


class LessonProgress(models.Model):
    """Where a trainee stands in one lesson."""

    enrolment = models.ForeignKey(
        Enrolment, on_delete=models.CASCADE, related_name="lesson_progress"
    )
    lesson = models.ForeignKey(LessonPage, on_delete=models.CASCADE, related_name="progress")
    first_viewed_at = models.DateTimeField(_("first viewed"), default=timezone.now)
    last_viewed_at = models.DateTimeField(_("last viewed"), default=timezone.now)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)
    time_spent_seconds = models.PositiveIntegerField(_("time spent (s)"), default=0)

    class Meta:
        verbose_name = _("lesson progress")
        verbose_name_plural = _("lesson progress")
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "lesson"], name="courses_progress_one_per_lesson"
            )
        ]

    def __str__(self) -> str:
        return f"{self.enrolment} – {self.lesson}"


class ModuleCompletion(models.Model):
    """A trainee completed every required lesson of a module (as it stood then).

    Kept by ``lesson_complete`` when the module's last required lesson is done, so that the
    report's funnel counts modules without reading every lesson's progress; removed when the
    enrolment starts again. Like the enrolment's completion rule, a lesson added later does
    not take a completion back.
    """

    enrolment = models.ForeignKey(
        Enrolment, on_delete=models.CASCADE, related_name="module_completions"
    )
    module = models.ForeignKey(ModulePage, on_delete=models.CASCADE, related_name="completions")
    completed_at = models.DateTimeField(_("completed"), default=timezone.now)

    class Meta:
        verbose_name = _("module completion")
        verbose_name_plural = _("module completions")
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "module"], name="courses_module_completed_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.enrolment} – {self.module}"


class Cohort(models.Model):
    """A group of trainees following a course together, led by trainers."""

    name = models.CharField(_("name"), max_length=150)
    course = models.ForeignKey(
        CoursePage, verbose_name=_("course"), on_delete=models.PROTECT, related_name="cohorts"
    )
    trainers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("trainers"), related_name="led_cohorts"
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="cohorts",
    )
    starts_on = models.DateField(_("starts on"), null=True, blank=True)
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("cohort")
        verbose_name_plural = _("cohorts")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.name


def _new_check_in_code() -> str:
    # Short enough to read out in a classroom; unambiguous characters only.
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return "".join(secrets.choice(alphabet) for _ in range(6))


class ClassroomSession(models.Model):
    """A classroom or online session of a course (blended learning)."""

    course = models.ForeignKey(
        CoursePage, verbose_name=_("course"), on_delete=models.CASCADE, related_name="sessions"
    )
    cohort = models.ForeignKey(
        Cohort,
        verbose_name=_("cohort"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="sessions",
    )
    title = models.CharField(_("title"), max_length=200)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    location = models.CharField(_("location"), max_length=250, blank=True)
    online_url = models.URLField(_("online link"), blank=True)
    trainer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("trainer"),
        on_delete=models.PROTECT,
        related_name="led_sessions",
    )
    capacity = models.PositiveSmallIntegerField(_("capacity"), validators=[MinValueValidator(1)])
    check_in_code = models.CharField(
        _("check-in code"), max_length=12, default=_new_check_in_code, editable=False
    )
    check_in_open_until = models.DateTimeField(_("check-in open until"), null=True, blank=True)

    class Meta:
        verbose_name = _("classroom session")
        verbose_name_plural = _("classroom sessions")
        ordering = ["starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="courses_session_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.starts_at:%Y-%m-%d %H:%M})"


class SessionRegistration(models.Model):
    """A trainee's seat (or place on the waiting list) in a session, and their attendance."""

    class Status(models.TextChoices):
        REGISTERED = "registered", _("Registered")
        WAITLISTED = "waitlisted", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    session = models.ForeignKey(
        ClassroomSession, on_delete=models.CASCADE, related_name="registrations"
    )
    trainee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="session_registrations"
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices)
    registered_at = models.DateTimeField(_("registered at"), default=timezone.now)
    attended = models.BooleanField(_("attended"), default=False)
    attendance_marked_at = models.DateTimeField(_("attendance marked at"), null=True, blank=True)

    class Meta:
        verbose_name = _("session registration")
        verbose_name_plural = _("session registrations")
        ordering = ["registered_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "trainee"], name="courses_registration_one_per_session"
            )
        ]

    def __str__(self) -> str:
        return f"{self.trainee} – {self.session}"
