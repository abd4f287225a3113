"""Site settings: read from ``mkdocs.yml`` without MkDocs, so the checker and the build agree.

The plugin's entry in ``mkdocs.yml`` holds the authority's name, the contact for accessible
formats and any extra vocabulary terms::

    site_url: https://localoffer.anyshire.example/
    plugins:
      - localoffer:
          authority: Anyshire County Council
          contact_email: localoffer@anyshire.example
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from localoffer.core.problems import Problem, error
from localoffer.core.suggest import did_you_mean
from localoffer.core.vocabulary import Vocabularies, VocabularyError

CONFIG_FILE = "mkdocs.yml"
PLUGIN_NAME = "localoffer"
OPTION_NAMES = (
    "authority",
    "contact_email",
    "contact_phone",
    "vocabularies",
    "accessibility",
    "enabled",
)


@dataclass(frozen=True)
class SiteSettings:
    root: Path
    site_name: str = "Local Offer"
    site_url: str = ""
    docs_dir: str = "content"
    authority: str = ""
    contact_email: str = ""
    contact_phone: str = ""
    vocabularies: Vocabularies = field(default_factory=Vocabularies)
    accessibility: Mapping[str, Any] = field(default_factory=dict)

    @property
    def content_dir(self) -> Path:
        return self.root / self.docs_dir

    @property
    def base_url(self) -> str:
        return self.site_url.rstrip("/")


class _PermissiveLoader(yaml.SafeLoader):
    """Reads mkdocs.yml even when it uses MkDocs' own tags (!ENV, !!python/name:...)."""


def _any_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    if isinstance(node, yaml.MappingNode):
        return loader.construct_mapping(node)
    return None  # pragma: no cover


_PermissiveLoader.add_multi_constructor("", _any_tag)


def plugin_options(config: Mapping[str, Any]) -> dict[str, Any]:
    """The options under ``plugins: - localoffer: ...`` (empty when none)."""
    for entry in config.get("plugins") or []:
        if isinstance(entry, Mapping) and PLUGIN_NAME in entry:
            return dict(entry[PLUGIN_NAME] or {})
    plugins = config.get("plugins")
    if isinstance(plugins, Mapping) and PLUGIN_NAME in plugins:
        return dict(plugins[PLUGIN_NAME] or {})
    return {}


def settings_from(
    root: Path, config: Mapping[str, Any], options: Mapping[str, Any]
) -> SiteSettings:
    """Settings from an already-read config (MkDocs' own, in the build) and plugin options."""
    accessibility = options.get("accessibility") or {}
    return SiteSettings(
        root=root,
        site_name=str(config.get("site_name") or "Local Offer"),
        site_url=str(config.get("site_url") or ""),
        docs_dir=_docs_dir(root, config),
        authority=str(options.get("authority") or ""),
        contact_email=str(options.get("contact_email") or ""),
        contact_phone=str(options.get("contact_phone") or ""),
        vocabularies=Vocabularies.with_additions(options.get("vocabularies") or {}),
        accessibility=accessibility if isinstance(accessibility, Mapping) else {},
    )


def _docs_dir(root: Path, config: Mapping[str, Any]) -> str:
    value = str(config.get("docs_dir") or "docs")
    path = Path(value)
    if path.is_absolute():
        try:
            return path.relative_to(root).as_posix()
        except ValueError:
            return value
    return value


def read_settings(root: Path) -> tuple[SiteSettings, list[Problem]]:
    """Read ``mkdocs.yml`` in ``root``; problems with it are reported like content problems."""
    path = root / CONFIG_FILE
    problems: list[Problem] = []
    try:
        text = path.read_text(encoding="utf-8")
        config = yaml.load(text, Loader=_PermissiveLoader) or {}
    except FileNotFoundError:
        return SiteSettings(root), [error(CONFIG_FILE, 1, 1, "there is no mkdocs.yml here")]
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        mark = getattr(exc, "problem_mark", None)
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return SiteSettings(root), [
            error(CONFIG_FILE, line, column, f"mkdocs.yml cannot be read: {exc}")
        ]
    if not isinstance(config, Mapping):
        return SiteSettings(root), [
            error(CONFIG_FILE, 1, 1, "mkdocs.yml must be a mapping of settings")
        ]
    options = plugin_options(config)
    line = _line_of(text, "localoffer")
    for name in options:
        if name not in OPTION_NAMES:
            hint = did_you_mean(str(name), OPTION_NAMES)
            problems.append(
                error(
                    CONFIG_FILE,
                    _line_of(text, str(name), after=line),
                    1,
                    f"unknown localoffer setting '{name}'.{hint}".replace(".?", "?"),
                )
            )
    try:
        settings = settings_from(root, config, options)
    except VocabularyError as exc:
        problems.append(error(CONFIG_FILE, _line_of(text, "vocabularies", after=line), 1, str(exc)))
        settings = settings_from(
            root, config, {k: v for k, v in options.items() if k != "vocabularies"}
        )
    problems.extend(check_settings(settings, text))
    return settings, problems


def check_settings(settings: SiteSettings, text: str = "") -> list[Problem]:
    """Settings the site cannot do without."""
    problems: list[Problem] = []
    if not settings.site_url:
        problems.append(
            error(
                CONFIG_FILE,
                1,
                1,
                "site_url is not set: feeds and calendars need the site's full address, "
                "such as 'site_url: https://localoffer.anyshire.gov.uk/'",
            )
        )
    elif not settings.site_url.startswith(("https://", "http://")):
        problems.append(
            error(
                CONFIG_FILE,
                _line_of(text, "site_url"),
                1,
                f"site_url '{settings.site_url}' must be a full address starting with https://",
            )
        )
    line = _line_of(text, "localoffer")
    if not settings.authority:
        problems.append(
            error(
                CONFIG_FILE,
                line,
                1,
                "the localoffer setting 'authority' (the council's name) is missing",
            )
        )
    if not settings.contact_email:
        problems.append(
            error(
                CONFIG_FILE,
                line,
                1,
                "the localoffer setting 'contact_email' (for accessible formats) is missing",
            )
        )
    return problems


def _line_of(text: str, key: str, after: int = 0) -> int:
    for number, line in enumerate(text.splitlines(), start=1):
        if number <= after:
            continue
        stripped = line.strip().lstrip("- ").strip()
        if stripped.startswith(f"{key}:") or stripped == key:
            return number
    return max(after, 1)


def statement_date(settings: SiteSettings, key: str) -> date | None:
    value = settings.accessibility.get(key)
    return value if isinstance(value, date) else None
