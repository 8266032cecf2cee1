"""Protest monitor: sources, extraction pipeline, events, claims and the dashboard."""
