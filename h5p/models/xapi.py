"""The xAPI statement store and the clients allowed to use its statements resource."""

import hashlib
import hmac
import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.storage import private_storage


class XAPIClient(models.Model):
    """A tool or reporting system that calls /xapi/statements with HTTP Basic credentials."""

    name = models.CharField(_("name"), max_length=150)
    key = models.CharField(_("key (Basic user name)"), max_length=64, unique=True)
    secret_hash = models.CharField(_("secret (hashed)"), max_length=256)
    can_read = models.BooleanField(_("may read statements"), default=True)
    can_write = models.BooleanField(_("may write statements"), default=False)
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("xAPI client")
        verbose_name_plural = _("xAPI clients")

    def __str__(self) -> str:
        return self.name

    # Secrets are 32 random bytes made by the server, not passwords people choose, so one
    # SHA-256 digest compared in constant time is as safe as a slow password hash and costs
    # microseconds instead of PBKDF2's hundreds of milliseconds on every request.
    SECRET_SCHEME = "sha256$"  # noqa: S105  (the digest's scheme, not a secret)

    @classmethod
    def secret_digest(cls, secret: str) -> str:
        return cls.SECRET_SCHEME + hashlib.sha256(secret.encode()).hexdigest()

    def set_secret(self, secret: str) -> None:
        self.secret_hash = self.secret_digest(secret)

    def check_secret(self, secret: str) -> bool:
        return hmac.compare_digest(self.secret_hash, self.secret_digest(secret))


class Statement(models.Model):
    """One xAPI 1.0.3 statement as stored (the raw JSON kept whole), with indexed parts."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Liaison user"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="statements",
        help_text=_("The actor, when the actor is a Liaison user."),
    )
    actor = models.JSONField(_("actor"))
    verb = models.CharField(_("verb"), max_length=255, db_index=True)
    object_id = models.CharField(_("object id"), max_length=2048)
    object = models.JSONField(_("object"))
    result = models.JSONField(_("result"), null=True, blank=True)
    context = models.JSONField(_("context"), null=True, blank=True)
    registration = models.UUIDField(_("registration"), null=True, blank=True)
    timestamp = models.DateTimeField(_("timestamp"))
    stored = models.DateTimeField(_("stored"), default=timezone.now, db_index=True)
    raw = models.JSONField(_("statement"))
    voided = models.BooleanField(_("voided"), default=False)
    target = models.UUIDField(
        _("targeted statement"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("The statement this one refers to, when its object is a StatementRef."),
    )
    # Tokens of h5p.xapi.indexing, for the agent and related_* filters of a GET.
    agents = models.TextField(_("agents (index)"), blank=True, default="")
    related_agents = models.TextField(_("related agents (index)"), blank=True, default="")
    related_activities = models.TextField(
        _("related activities (index)"), blank=True, default=""
    )
    client = models.ForeignKey(
        XAPIClient,
        verbose_name=_("posted by client"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="statements",
    )

    class Meta:
        verbose_name = _("xAPI statement")
        verbose_name_plural = _("xAPI statements")
        ordering = ["-stored"]
        indexes = [
            models.Index(fields=["user", "stored"]),
            models.Index(fields=["object_id"], name="h5p_statement_object_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.verb.rsplit('/', 1)[-1]} {self.object_id}"


def _attachment_path(instance: "XAPIAttachment", filename: str) -> str:
    # In the private storage: attachments are served only through /xapi/statements.
    return f"xapi-attachments/{instance.sha2}"


class XAPIAttachment(models.Model):
    """The content of a statement attachment, stored once per SHA-2 digest.

    Statements name their attachments by ``sha2`` in their JSON; the file lives in the
    private storage under ``xapi-attachments/``, out of any web server's reach (the
    resource serves it to those who may read the statement).
    """

    sha2 = models.CharField(_("SHA-2 digest"), max_length=128, unique=True)
    content_type = models.CharField(_("content type"), max_length=255)
    length = models.PositiveBigIntegerField(_("length in bytes"))
    file = models.FileField(
        _("file"), upload_to=_attachment_path, storage=private_storage, max_length=200
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("xAPI attachment")
        verbose_name_plural = _("xAPI attachments")

    def __str__(self) -> str:
        return self.sha2
