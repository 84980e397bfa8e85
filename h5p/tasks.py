"""Celery tasks of the h5p app (thin: they call services)."""

from celery import shared_task

from .services import h5p_content_folder_delete
from .services.events import event_record
from .xapi.tasks import *  # noqa: F403  (registers the xAPI forwarding task with Celery)


# Run through the outbox (h5p.receivers), which owns the retries of what can heal.
@shared_task(name="h5p.record_event")
def record_event(
    *,
    kind: str,
    object_pk: int | None,
    enrolment_id: int | None = None,
    trainee_id: int | None = None,
    name: str = "",
    result: dict | None = None,
    verb: str = "completed",
    timestamp: str | None = None,
) -> str:
    """Store one of Liaison's own learning events as a statement; returns its id."""
    statement = event_record(
        kind=kind,
        object_pk=object_pk,
        enrolment_id=enrolment_id,
        trainee_id=trainee_id,
        name=name,
        result=result,
        verb=verb,
        timestamp=timestamp,
    )
    return str(statement.pk)


# Run through the outbox (h5p.services.h5p_content_delete): a storage away for now heals.
@shared_task(name="h5p.delete_content_folder", heals_on=(OSError,))
def delete_content_folder(*, folder: str) -> None:
    """Remove a deleted content's folder from the media storage."""
    h5p_content_folder_delete(folder=folder)
