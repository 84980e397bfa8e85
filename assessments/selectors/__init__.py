"""Reads shared by the assessments views, panels, tasks and other apps."""
