"""core/source."""
