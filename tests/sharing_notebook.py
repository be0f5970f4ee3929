"""What the sharing tests have in common."""

NOTEBOOK = "Study group"
