"""core/derive."""
