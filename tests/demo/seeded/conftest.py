"""The demo seeded once for the tests of this folder, and rolled back after them.

A folder of its own: the tests of ``demo.training_data`` need a database without the demo.
"""

import pytest
from django.db import transaction

from demo.services import demo_seed


@pytest.fixture(scope="package")
def seeded(django_db_setup, django_db_blocker):
    """The demo site without synthetic trainees; every test's changes are rolled back.

    Each test runs in a savepoint inside this transaction, like the class-level
    data of Django's TestCase, so the other test modules never see the demo.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        yield demo_seed(training_data=False)
        transaction.set_rollback(True)
