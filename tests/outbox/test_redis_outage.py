"""A real Redis stopped and started again under a real worker: nothing due is lost or doubled.

CI's service pass runs it (PostgreSQL, Redis). A second ``redis-server`` is started on a port
of its own, so the shared broker of the other tests is never stopped.
"""

import shutil
import socket
import subprocess
import time

import pytest

from certificates.models import Certificate
from courses import services as course_services
from outbox import services
from outbox.models import Job
from tests.factories import TraineeFactory
from tests.factories.certificates import CertificateTemplateFactory
from tests.factories.courses import study


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Redis:
    """A redis-server process of the test's own, keeping nothing on disk."""

    def __init__(self) -> None:
        self.port = _free_port()
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.process = subprocess.Popen(
            [
                shutil.which("redis-server"),
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            stdout=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return
            except OSError:
                assert time.monotonic() < deadline, "redis-server did not start"
                time.sleep(0.1)

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


@pytest.fixture
def redis_server():
    if not shutil.which("redis-server"):
        pytest.skip("needs redis-server on the PATH (CI has it)")
    server = Redis()
    server.start()
    yield server
    if server.process.poll() is None:
        server.stop()


@pytest.mark.postgres
@pytest.mark.redis
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_course_completed_while_redis_is_down_gets_its_certificate_once_it_is_back(
    redis_server, celery_worker_process, course, lessons
):
    celery_worker_process(redis_server.url)
    CertificateTemplateFactory(courses=[course])
    trainee = TraineeFactory()
    enrolment = course_services.enrolment_enrol(trainee=trainee, course=course)[0]

    redis_server.stop()
    for lesson in lessons:
        study(trainee, lesson)  # commits each time; the hand-over fails and is logged

    enrolment.refresh_from_db()
    assert enrolment.status == "completed"
    issue = Job.objects.get(task="certificates.issue_certificate")
    assert (issue.status, issue.sent_at) == (Job.Status.PENDING, None)
    assert services.jobs_dispatch_due() == 0  # a beat tick while the broker is still away

    redis_server.start()
    assert services.jobs_dispatch_due() == Job.objects.filter(status="pending").count() > 0
    deadline = time.monotonic() + 90
    while Job.objects.filter(status=Job.Status.PENDING).exists():
        assert time.monotonic() < deadline, list(Job.objects.values("task", "status"))
        time.sleep(0.5)

    assert Certificate.objects.filter(enrolment=enrolment).count() == 1
    assert set(Job.objects.values_list("status", flat=True)) == {Job.Status.DONE}
    # The beat task finds nothing more to do, and nothing runs twice.
    assert services.jobs_dispatch_due() == 0
    assert Certificate.objects.count() == 1
