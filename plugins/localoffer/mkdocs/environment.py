"""The template environment: our filters, and autoescaping for our own templates."""

from __future__ import annotations

from jinja2 import Environment

from localoffer.present.filters import FILTERS

OWN_PREFIX = "localoffer/"


def _autoescape(name: str | None) -> bool:
    return bool(name) and str(name).startswith(OWN_PREFIX)


def prepare(env: Environment) -> Environment:
    """Add the GOV.UK filters, and autoescape every template under ``localoffer/``.

    mkdocs-material's own templates are not autoescaped (they output page HTML directly), so
    escaping is switched on by template name rather than for the whole environment.
    """
    env.filters.update(FILTERS)
    env.autoescape = _autoescape
    return env
