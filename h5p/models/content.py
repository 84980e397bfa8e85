"""Imported H5P packages, the libraries they share, and each trainee's best result."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class H5PLibrary(models.Model):
    """One library folder (``<machineName>-<major>.<minor>``), stored once and shared."""

    machine_name = models.CharField(_("machine name"), max_length=127)
    major_version = models.PositiveIntegerField(_("major version"))
    minor_version = models.PositiveIntegerField(_("minor version"))
    patch_version = models.PositiveIntegerField(_("patch version"))
    title = models.CharField(_("title"), max_length=255)
    runnable = models.BooleanField(_("runnable"), default=False)
    created_at = models.DateTimeField(_("stored at"), default=timezone.now)

    class Meta:
        verbose_name = _("H5P library")
        verbose_name_plural = _("H5P libraries")
        ordering = ["machine_name", "major_version", "minor_version"]
        constraints = [
            models.UniqueConstraint(
                fields=["machine_name", "major_version", "minor_version"],
                name="h5p_library_one_per_minor_version",
            )
        ]

    def __str__(self) -> str:
        return f"{self.folder_name}.{self.patch_version}"

    @property
    def folder_name(self) -> str:
        return f"{self.machine_name}-{self.major_version}.{self.minor_version}"


class H5PContent(models.Model):
    """An uploaded ``.h5p`` package, unpacked under ``MEDIA_ROOT/h5p/content/<uuid>/``."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    title = models.CharField(_("title"), max_length=255)
    main_library = models.ForeignKey(
        H5PLibrary,
        verbose_name=_("main library"),
        on_delete=models.PROTECT,
        related_name="main_of",
    )
    libraries = models.ManyToManyField(
        H5PLibrary, verbose_name=_("libraries"), related_name="contents"
    )
    # Like a quiz's: trainers manage the contents of the courses they own
    # (courses.permissions.CourseOwnedPermissionPolicy). Null for contents of no course yet.
    course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("course"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="h5p_contents",
        help_text=_("Only the trainers of this course manage the exercise."),
    )
    language = models.CharField(_("language"), max_length=16, blank=True)
    embed_types = models.JSONField(_("embed types"), default=list)
    size = models.PositiveBigIntegerField(_("unpacked size (bytes)"))
    sha256 = models.CharField(_("SHA-256 of the package"), max_length=64, db_index=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="h5p_uploads",
    )
    created_at = models.DateTimeField(_("uploaded at"), default=timezone.now)

    class Meta:
        verbose_name = _("H5P content")
        verbose_name_plural = _("H5P contents")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title

    @property
    def storage_path(self) -> str:
        """Folder of the unpacked package (h5p.json and content/) in the default storage."""
        return f"h5p/content/{self.uuid}"


class H5PResult(models.Model):
    """A trainee's result in one H5P content: the best scaled score is kept."""

    trainee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="h5p_results"
    )
    content = models.ForeignKey(H5PContent, on_delete=models.CASCADE, related_name="results")
    best_scaled = models.DecimalField(_("best scaled score"), max_digits=5, decimal_places=4)
    last_scaled = models.DecimalField(_("last scaled score"), max_digits=5, decimal_places=4)
    success = models.BooleanField(_("success"), null=True)
    completed = models.BooleanField(_("completed"), default=False)
    attempts = models.PositiveIntegerField(_("scored attempts"), default=0)
    first_at = models.DateTimeField(_("first result"), default=timezone.now)
    updated_at = models.DateTimeField(_("last result"), default=timezone.now)

    class Meta:
        verbose_name = _("H5P result")
        verbose_name_plural = _("H5P results")
        constraints = [
            models.UniqueConstraint(fields=["trainee", "content"], name="h5p_one_result")
        ]

    def __str__(self) -> str:
        return f"{self.trainee} – {self.content}: {self.best_scaled}"


class H5PUserState(models.Model):
    """Where a trainee left an exercise: H5P's ``contentUserData`` state, restored on return.

    The player's own JSON, opaque to Liaison; it may hold free-text answers, so it is
    personal data (exported with the account and deleted when the account is erased).
    """

    trainee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="h5p_states"
    )
    content = models.ForeignKey(H5PContent, on_delete=models.CASCADE, related_name="user_states")
    state = models.TextField(_("saved state"))
    updated_at = models.DateTimeField(_("saved at"), default=timezone.now)

    class Meta:
        verbose_name = _("H5P saved state")
        verbose_name_plural = _("H5P saved states")
        constraints = [
            models.UniqueConstraint(fields=["trainee", "content"], name="h5p_one_state")
        ]

    def __str__(self) -> str:
        return f"{self.trainee} – {self.content}"
