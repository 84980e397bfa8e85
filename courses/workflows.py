"""What happens when the Legal review workflow approves a page."""


def publish_after_review(workflow_state, user=None) -> None:
    """Publish the approved revision in the name of the approving reviewer.

    Trainers hold no publish permission, so nobody publishes legal guidance alone; the
    approval of a second trainer (checked by ``SecondReviewerApprovalTask``) is the
    permission, hence the skipped check.
    """
    # The revision the reviewers approved, not whatever was saved since.
    revision = workflow_state.current_task_state.revision
    revision.publish(user=user, skip_permission_checks=True)
