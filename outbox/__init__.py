"""Work after a commit: one mechanism and one failure policy for every app (see services)."""
