"""The template environment: our filters, autoescaping for our own templates, and templates
read without their source's indentation (``compact_templates``)."""

from __future__ import annotations

from jinja2 import Environment

from localoffer.mkdocs.compact_templates import CompactTemplates
from localoffer.present.filters import FILTERS

OWN_PREFIX = "localoffer/"


def _autoescape(name: str | None) -> bool:
    return bool(name) and str(name).startswith(OWN_PREFIX)


def prepare(env: Environment) -> Environment:
    """Add the GOV.UK filters, and autoescape every template under ``localoffer/``.

    mkdocs-material's own templates are not autoescaped (they output page HTML directly), so
    escaping is switched on by template name rather than for the whole environment. HTML
    templates are compiled without the indentation of their source.
    """
    env.filters.update(FILTERS)
    env.autoescape = _autoescape
    env.add_extension(CompactTemplates)
    return env
