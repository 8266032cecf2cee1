"""Solidarity: a platform for a coalition of civil-society groups."""

__version__ = "0.1.0"
