"""localoffer: a static site generator for a SEND Local Offer.

The package is split so that a newcomer can find things by folder:

- ``localoffer.core``: the content model, loading, vocabularies and derived state. Plain Python,
  no MkDocs.
- ``localoffer.export``: iCalendar, Atom, JSON and CSV writers. Plain Python.
- ``localoffer.present``: GOV.UK-style formatting (dates, times, file sizes), one filter a module.
- ``localoffer.cli``: the ``localoffer`` command (check, new, schema).
- ``localoffer.mkdocs``: the thin MkDocs layer that maps records to generated pages.
- ``localoffer/theme``: mkdocs-material template overrides and assets.
"""

__version__ = "0.1.0"
