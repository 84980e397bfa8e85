"""Celery tasks of the statement store (thin: they call ``forwarding``).

Celery finds tasks in ``<app>.tasks``; ``h5p/tasks.py`` imports this module so the worker
registers them.
"""

import urllib.error

from celery import shared_task

from .forwarding import statements_forward

__all__ = ["forward_statements"]


@shared_task(
    name="h5p.forward_statements",
    # Run through the outbox: URLError (HTTPError included) means the LRS is down, overloaded
    # or refusing for now; the outbox tries again (timeouts and lost connections always heal).
    heals_on=(urllib.error.URLError,),
)
def forward_statements(statement_ids: list[str]) -> int:
    """Send the stored statements to the external LRS; returns how many were sent."""
    return statements_forward(statement_ids=statement_ids)
