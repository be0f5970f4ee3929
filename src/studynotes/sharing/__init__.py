"""Sharing a notebook: a folder of Markdown files, merged by item and synced through git."""
