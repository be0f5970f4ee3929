"""studynotes: a desktop notebook for study groups."""

__version__ = "0.1.0"
