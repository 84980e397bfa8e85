"""Surveys (reaction and follow-up), the trainees' responses and follow-up invitations."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import (
    DraftStateMixin,
    Locale,
    LockableMixin,
    Orderable,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.search import index

from courses.models import CoursePage, Enrolment

from ..admin_forms import SurveyAdminForm


class Survey(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    TranslatableMixin,
    RevisionMixin,
    index.Indexed,
    ClusterableModel,
):
    """A course's questionnaire: its reaction survey or its follow-up survey.

    Changes wait as drafts until the Legal review approves them; trainees answer the live
    version only.
    """

    class Purpose(models.TextChoices):
        REACTION = "reaction", _("Reaction (when the course is completed)")
        FOLLOW_UP = "follow_up", _("Follow-up (sent some days after completion)")

    title = models.CharField(_("title"), max_length=200)
    intro = models.TextField(
        _("introduction"), blank=True, help_text=_("Shown to trainees above the questions.")
    )
    purpose = models.CharField(_("purpose"), max_length=16, choices=Purpose.choices)
    course = models.ForeignKey(
        CoursePage,
        verbose_name=_("course"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="surveys",
    )
    follow_up_days = models.PositiveSmallIntegerField(
        _("days after completion"),
        default=90,
        validators=[MinValueValidator(1)],
        help_text=_("Follow-up surveys only: when the invitation is emailed to trainees."),
    )

    base_form_class = SurveyAdminForm
    panels = [
        FieldPanel("title"),
        FieldPanel("purpose"),
        FieldPanel("course"),
        FieldPanel("follow_up_days"),
        FieldPanel("intro"),
        InlinePanel("items", label=_("Questions"), min_num=1),
    ]
    search_fields = [index.SearchField("title"), index.AutocompleteField("title")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("survey")
        verbose_name_plural = _("surveys")
        constraints = [
            # Per locale: translating a survey copies its course, and the copy must be allowed.
            models.UniqueConstraint(
                fields=["course", "purpose", "locale"],
                name="assessments_one_survey_per_course_purpose_locale",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self):
        super().clean()
        if not self.course_id:
            raise ValidationError({"course": _("A survey belongs to a course.")})
        # The admin form has no locale field, so the database constraint is checked here.
        locale_id = self.locale_id or Locale.get_default().pk
        taken = Survey.objects.filter(
            course_id=self.course_id, purpose=self.purpose, locale_id=locale_id
        ).exclude(pk=self.pk)
        if taken.exists():
            raise ValidationError(
                {"course": _("This course already has a survey with this purpose.")}
            )


class SurveyItem(Orderable):
    """One statement or question of a survey."""

    class Kind(models.TextChoices):
        LIKERT = "likert", _("Statement (strongly disagree … strongly agree)")
        NPS = "nps", _("Likelihood to recommend (0–10)")
        SINGLE_CHOICE = "single_choice", _("Single choice")
        FREE_TEXT = "free_text", _("Free text")

    class Role(models.TextChoices):
        """What the report reads an item as; the author says so, its position does not."""

        USEFULNESS = "usefulness", _("Useful for the trainee's work (EU indicator)")
        APPLIED = "applied", _("Applied in practice (EU indicator, follow-up)")
        RECOMMENDATION = "recommendation", _("Would recommend the course")
        RELEVANCE = "relevance", _("Relevant to the trainee's job")
        SATISFACTION = "satisfaction", _("Overall satisfaction")
        NONE = "none", _("Other (no role in the report's headlines)")

    survey = ParentalKey(Survey, on_delete=models.CASCADE, related_name="items")
    kind = models.CharField(_("type"), max_length=16, choices=Kind.choices)
    text = models.TextField(_("statement or question"))
    choices = models.TextField(
        _("choices"), blank=True, help_text=_("Single choice only: one choice per line.")
    )
    required = models.BooleanField(_("answer required"), default=True)
    role = models.CharField(
        _("role in the report"),
        max_length=16,
        choices=Role.choices,
        default=Role.NONE,
        help_text=_(
            "Which headline of the evaluation report this statement feeds, e.g. “useful for "
            "their work” (an EU fund indicator). Statements only (agree … disagree)."
        ),
    )

    panels = [
        FieldPanel("kind"),
        FieldPanel("text"),
        FieldPanel("role"),
        FieldPanel("choices"),
        FieldPanel("required"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("survey question")
        verbose_name_plural = _("survey questions")

    def __str__(self) -> str:
        return self.text[:80]

    def clean(self):
        super().clean()
        if self.kind == self.Kind.SINGLE_CHOICE and len(self.choice_list()) < 2:
            raise ValidationError({"choices": _("Give at least two choices, one per line.")})
        if self.kind != self.Kind.SINGLE_CHOICE and self.choice_list():
            raise ValidationError({"choices": _("Only single-choice questions have choices.")})
        # The report reads a role as the share agreeing (a statement) or, for the
        # recommendation, also as the 0–10 answers.
        role_kinds = {self.Kind.LIKERT} | (
            {self.Kind.NPS} if self.role == self.Role.RECOMMENDATION else set()
        )
        if self.role != self.Role.NONE and self.kind not in role_kinds:
            raise ValidationError(
                {"role": _("Only a statement (agree … disagree) can have this role.")}
            )

    def choice_list(self) -> list[str]:
        return [line.strip() for line in self.choices.splitlines() if line.strip()]


class SurveyResponse(models.Model):
    """A trainee's answers to a survey, once per enrolment, kept to pair with results."""

    survey = models.ForeignKey(Survey, on_delete=models.PROTECT, related_name="responses")
    trainee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="survey_responses"
    )
    enrolment = models.ForeignKey(
        Enrolment,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="survey_responses",
    )
    submitted_at = models.DateTimeField(_("submitted at"), default=timezone.now)

    class Meta:
        verbose_name = _("survey response")
        verbose_name_plural = _("survey responses")
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "enrolment"], name="assessments_one_response_per_enrolment"
            )
        ]

    def __str__(self) -> str:
        return f"{self.survey} – {self.trainee}"


class SurveyAnswer(models.Model):
    """The answer to one item; the item's text and type are copied so later edits keep it."""

    response = models.ForeignKey(SurveyResponse, on_delete=models.CASCADE, related_name="answers")
    # Editors may remove a question after answers came in; the answer stays with its copy.
    item = models.ForeignKey(
        SurveyItem, null=True, on_delete=models.SET_NULL, related_name="answers"
    )
    item_text = models.TextField(_("statement or question"))
    kind = models.CharField(_("type"), max_length=16, choices=SurveyItem.Kind.choices)
    # Likert 1–5, likelihood to recommend 0–10, or the position of the chosen choice.
    value = models.PositiveSmallIntegerField(_("value"), null=True, blank=True)
    # Free text, or the chosen choice's text as it read when answered.
    text = models.TextField(_("text"), blank=True)

    class Meta:
        verbose_name = _("survey answer")
        verbose_name_plural = _("survey answers")
        constraints = [
            models.UniqueConstraint(
                fields=["response", "item"], name="assessments_one_answer_per_survey_item"
            )
        ]

    def __str__(self) -> str:
        return f"{self.response} – {self.item_text[:40]}"


class SurveyInvitation(models.Model):
    """A follow-up survey emailed to a trainee, once per enrolment, with a one-time link.

    Only SHA-256 hashes of the links' tokens are stored. The reminder carries a second
    token, so the link of the first email keeps working too.
    """

    enrolment = models.ForeignKey(
        Enrolment, on_delete=models.CASCADE, related_name="survey_invitations"
    )
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="invitations")
    token_hash = models.CharField(max_length=64, unique=True)
    reminder_token_hash = models.CharField(max_length=64, unique=True, null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now)
    reminded_at = models.DateTimeField(_("reminded at"), null=True, blank=True)
    expires_at = models.DateTimeField(_("expires at"))
    used_at = models.DateTimeField(_("used at"), null=True, blank=True)

    class Meta:
        verbose_name = _("survey invitation")
        verbose_name_plural = _("survey invitations")
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "survey"], name="assessments_one_invitation_per_enrolment"
            )
        ]

    def __str__(self) -> str:
        return f"{self.survey} – {self.enrolment}"
