"""The question bank, quizzes and attempts."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.search import index

from courses.models import CoursePage, Enrolment, LearningObjective, Topic

from .. import grading
from ..admin_forms import QuestionAdminForm, QuizAdminForm


class Question(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    TranslatableMixin,
    RevisionMixin,
    index.Indexed,
    ClusterableModel,
):
    """A question of the bank, tagged by topic and learning objective.

    It belongs to a course, or to the shared bank, changed only by its named ``owners``
    (``assessments.permissions.QuestionPermissionPolicy``). Changes wait as drafts until the
    Legal review approves them: the row holds the live version, the one trainees are asked.
    """

    class Kind(models.TextChoices):
        SINGLE = grading.SINGLE, _("Single choice")
        MULTIPLE = grading.MULTIPLE, _("Multiple response")
        TRUE_FALSE = grading.TRUE_FALSE, _("True or false")
        MATCHING = grading.MATCHING, _("Matching")
        SHORT_ANSWER = grading.SHORT_ANSWER, _("Short answer")

    kind = models.CharField(_("type"), max_length=16, choices=Kind.choices)
    text = models.TextField(_("question"))
    course = models.ForeignKey(
        CoursePage,
        verbose_name=_("course"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="questions",
        help_text=_(
            "Only the course's trainers change the question and use it in quizzes. Leave "
            "empty for the shared bank, which its owners change and every trainer uses."
        ),
    )
    # Parental: a change of owners waits for review with the rest of the question.
    owners = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owners"),
        blank=True,
        related_name="shared_questions",
        help_text=_("Shared bank only: the trainers who may change the question."),
    )
    points = models.DecimalField(
        _("points"),
        max_digits=5,
        decimal_places=2,
        default=1,
        validators=[MinValueValidator(0.01)],
    )
    explanation = models.TextField(
        _("explanation"), blank=True, help_text=_("Shown after answering, when the quiz allows.")
    )
    topics = ParentalManyToManyField(Topic, verbose_name=_("topics"), blank=True)
    objective = models.ForeignKey(
        LearningObjective,
        verbose_name=_("learning objective"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="questions",
    )
    accepted_answers = models.TextField(
        _("accepted answers"),
        blank=True,
        help_text=_("Short answer only: one accepted answer per line."),
    )
    ignore_case = models.BooleanField(_("ignore case"), default=True)
    ignore_accents = models.BooleanField(_("ignore accents"), default=True)

    base_form_class = QuestionAdminForm

    panels = [
        FieldPanel("course"),
        FieldPanel("kind"),
        FieldPanel("text"),
        FieldPanel("points"),
        InlinePanel("choices", label=_("Choices (single, multiple, true/false)")),
        InlinePanel("pairs", label=_("Pairs (matching)")),
        MultiFieldPanel(
            [
                FieldPanel("accepted_answers"),
                FieldPanel("ignore_case"),
                FieldPanel("ignore_accents"),
            ],
            heading=_("Short answer"),
        ),
        FieldPanel("explanation"),
        MultiFieldPanel([FieldPanel("topics"), FieldPanel("objective")], heading=_("Tags")),
        FieldPanel("owners", permission="assessments.name_question_owners"),
    ]
    search_fields = [index.SearchField("text"), index.AutocompleteField("text")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        permissions = [("name_question_owners", _("Can name the owners of shared questions"))]

    def __str__(self) -> str:
        return self.text[:80]

    def clean(self):
        super().clean()
        if self.kind == self.Kind.SHORT_ANSWER and not self.accepted_answer_list():
            raise ValidationError({"accepted_answers": _("Give at least one accepted answer.")})

    def accepted_answer_list(self) -> list[str]:
        return [line.strip() for line in self.accepted_answers.splitlines() if line.strip()]


class Choice(Orderable):
    """A possible answer of a choice question, with its own feedback."""

    question = ParentalKey(Question, on_delete=models.CASCADE, related_name="choices")
    text = models.CharField(_("choice"), max_length=300)
    is_correct = models.BooleanField(_("correct"), default=False)
    feedback = models.CharField(_("feedback"), max_length=300, blank=True)

    panels = [FieldPanel("text"), FieldPanel("is_correct"), FieldPanel("feedback")]

    def __str__(self) -> str:
        return self.text


class MatchingPair(Orderable):
    """A prompt and the answer it must be matched with."""

    question = ParentalKey(Question, on_delete=models.CASCADE, related_name="pairs")
    prompt = models.CharField(_("prompt"), max_length=300)
    answer = models.CharField(_("matching answer"), max_length=300)

    panels = [FieldPanel("prompt"), FieldPanel("answer")]

    def __str__(self) -> str:
        return f"{self.prompt} → {self.answer}"


class Quiz(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    TranslatableMixin,
    RevisionMixin,
    ClusterableModel,
):
    """A set of questions with a purpose, a pass mark, attempts and a feedback policy.

    Changes wait as drafts until the Legal review approves them; trainees see only live
    quizzes, as the row holds them.
    """

    class Purpose(models.TextChoices):
        PRACTICE = "practice", _("Practice")
        GRADED = "graded", _("Graded")
        PRE_TEST = "pre_test", _("Pre-test")
        POST_TEST = "post_test", _("Post-test")

    class Feedback(models.TextChoices):
        IMMEDIATE = "immediate", _("After each question")
        AFTER_SUBMISSION = "after_submission", _("After submitting")
        NEVER = "never", _("Never")

    title = models.CharField(_("title"), max_length=200)
    purpose = models.CharField(_("purpose"), max_length=16, choices=Purpose.choices)
    course = models.ForeignKey(
        CoursePage,
        verbose_name=_("course"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="quizzes",
        help_text=_("Only trainees enrolled in this course can take the quiz."),
    )
    pass_mark_percent = models.PositiveSmallIntegerField(
        _("pass mark (%)"), default=70, validators=[MaxValueValidator(100)]
    )
    max_attempts = models.PositiveSmallIntegerField(
        _("maximum attempts"), default=0, help_text=_("0 for unlimited.")
    )
    time_limit_minutes = models.PositiveSmallIntegerField(
        _("time limit (minutes)"), null=True, blank=True
    )
    shuffle_questions = models.BooleanField(_("shuffle questions"), default=False)
    shuffle_choices = models.BooleanField(_("shuffle choices"), default=False)
    draw_count = models.PositiveSmallIntegerField(
        _("draw this many questions at random"),
        null=True,
        blank=True,
        help_text=_("Leave empty to use the fixed list; otherwise questions tagged below."),
    )
    draw_topics = ParentalManyToManyField(Topic, verbose_name=_("draw from topics"), blank=True)
    feedback = models.CharField(
        _("feedback"), max_length=16, choices=Feedback.choices, default=Feedback.AFTER_SUBMISSION
    )
    pre_test_skippable = models.BooleanField(_("trainees may skip the pre-test"), default=False)

    base_form_class = QuizAdminForm

    panels = [
        FieldPanel("title"),
        FieldPanel("purpose"),
        FieldPanel("course"),
        InlinePanel("quiz_questions", label=_("Questions")),
        MultiFieldPanel(
            [FieldPanel("draw_count"), FieldPanel("draw_topics")], heading=_("Random draw")
        ),
        MultiFieldPanel(
            [
                FieldPanel("pass_mark_percent"),
                FieldPanel("max_attempts"),
                FieldPanel("time_limit_minutes"),
                FieldPanel("shuffle_questions"),
                FieldPanel("shuffle_choices"),
                FieldPanel("feedback"),
                FieldPanel("pre_test_skippable"),
            ],
            heading=_("Rules"),
        ),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("quiz")
        verbose_name_plural = _("quizzes")
        constraints = [
            models.UniqueConstraint(
                # Per language: a translated pre-test keeps its course.
                fields=["course", "purpose", "locale"],
                condition=models.Q(purpose__in=["pre_test", "post_test"]),
                name="assessments_one_pre_and_post_test_per_course",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self):
        super().clean()
        if not self.course_id:
            raise ValidationError({"course": _("Choose the course this quiz belongs to.")})
        if self.purpose == self.Purpose.PRE_TEST and self.feedback != self.Feedback.NEVER:
            # A pre-test measures what trainees knew before: it must not teach the answers.
            raise ValidationError({"feedback": _("A pre-test never reveals the answers.")})


class QuizQuestion(Orderable):
    quiz = ParentalKey(Quiz, on_delete=models.CASCADE, related_name="quiz_questions")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="+")

    panels = [FieldPanel("question")]

    def __str__(self) -> str:
        return str(self.question)


class Attempt(models.Model):
    """One trainee's attempt at a quiz, graded on the server when submitted."""

    class Status(models.TextChoices):
        IN_PROGRESS = "in_progress", _("In progress")
        SUBMITTED = "submitted", _("Submitted")
        EXPIRED = "expired", _("Closed at the time limit")

    quiz = models.ForeignKey(Quiz, on_delete=models.PROTECT, related_name="attempts")
    trainee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="attempts"
    )
    enrolment = models.ForeignKey(
        Enrolment, null=True, blank=True, on_delete=models.SET_NULL, related_name="attempts"
    )
    number = models.PositiveSmallIntegerField(_("attempt number"))
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.IN_PROGRESS
    )
    started_at = models.DateTimeField(_("started at"), default=timezone.now)
    deadline = models.DateTimeField(_("deadline"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    score = models.DecimalField(_("score"), max_digits=7, decimal_places=2, null=True)
    max_score = models.DecimalField(_("maximum score"), max_digits=7, decimal_places=2, null=True)
    percent = models.DecimalField(_("percent"), max_digits=5, decimal_places=2, null=True)
    passed = models.BooleanField(_("passed"), null=True)

    class Meta:
        verbose_name = _("attempt")
        verbose_name_plural = _("attempts")
        constraints = [
            # Two parallel starts cannot take the same number, so never go past the limit.
            models.UniqueConstraint(
                fields=["quiz", "trainee", "number"], name="assessments_attempt_number_unique"
            ),
            models.UniqueConstraint(
                fields=["quiz", "trainee"],
                condition=models.Q(status="in_progress"),
                name="assessments_one_open_attempt",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.quiz} #{self.number} – {self.trainee}"


class AttemptAnswer(models.Model):
    """A question as shown in an attempt (frozen), the answer given and its grade."""

    # No index of its own: the two below start with the attempt and serve its lookups.
    attempt = models.ForeignKey(
        Attempt, on_delete=models.CASCADE, related_name="answers", db_index=False
    )
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="answers")
    position = models.PositiveSmallIntegerField()
    question_revision_id = models.PositiveIntegerField(null=True)
    snapshot = models.JSONField()
    answer = models.JSONField(null=True)
    answered_at = models.DateTimeField(null=True)
    points = models.DecimalField(max_digits=5, decimal_places=2, null=True)
    is_correct = models.BooleanField(null=True)
    # Quizzes with immediate feedback: the answer was checked, shown its feedback and locked.
    checked_at = models.DateTimeField(null=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        ordering = ["attempt", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["attempt", "question"], name="assessments_one_answer_per_question"
            )
        ]
        indexes = [
            # The report's item analysis reads every score of the first attempts from this
            # index alone: the rows themselves carry each question's snapshot and are ten
            # times larger (benchmarks/README.md).
            models.Index(
                fields=["attempt", "question", "is_correct"], name="assessments_answer_scores"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.attempt} – Q{self.position}"


class PreTestSkip(models.Model):
    """A trainee chose to skip their course's pre-test (only where the pre-test allows it)."""

    enrolment = models.OneToOneField(
        Enrolment, on_delete=models.CASCADE, related_name="pre_test_skip"
    )
    skipped_at = models.DateTimeField(_("skipped at"), default=timezone.now)

    class Meta:
        verbose_name = _("skipped pre-test")
        verbose_name_plural = _("skipped pre-tests")

    def __str__(self) -> str:
        return str(self.enrolment)
