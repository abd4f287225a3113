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

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from localoffer.core.holidays import SETTING as SCHOOL_HOLIDAYS
from localoffer.core.holidays import SchoolHolidays, read_holidays
from localoffer.core.models.base import is_email
from localoffer.core.problems import Problem, error, warning
from localoffer.core.source.reader import ReadError, decode
from localoffer.core.source.yamlnodes import YamlSyntaxError, parse_yaml
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
    "repository",
    "branch",
    "email_updates",
    "cms_backend",
    "cms_local_backend",
    "enabled",
    "record_pages",
    "school_holidays",
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
    #: The site's repository on GitHub (``https://github.com/OWNER/NAME``), for the link to each
    #: page's history; "" for none.
    repository: str = ""
    #: The branch that is published, for those links.
    branch: str = "main"
    #: The sign-up page of the council's email updates service (one that sends an email when a
    #: feed has a new entry); "" when there is none.
    email_updates: str = ""
    #: The editors' CMS: Decap's ``backend`` (``{name: github, repo: ..., base_url: ...}``);
    #: empty for the GitHub repository above, signed in through ``base_url`` (docs/hosting.md).
    cms_backend: Mapping[str, Any] = field(default_factory=dict)
    #: Where decap-server listens for editing on this machine ("" for its default).
    cms_local_backend: str = ""
    #: The council's school holidays, for series that run in term time only (core/holidays.py).
    school_holidays: SchoolHolidays = field(default_factory=SchoolHolidays)
    #: Settings that could not be used (such as a bad vocabulary term), for ``check_settings``.
    problems: tuple[str, ...] = ()

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


def _env_tag(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    """MkDocs' ``!ENV NAME`` or ``!ENV [NAME, OTHER, default]``."""
    if isinstance(node, yaml.ScalarNode):
        return os.environ.get(str(loader.construct_scalar(node)))
    if isinstance(node, yaml.SequenceNode):
        items = [str(item) for item in loader.construct_sequence(node)]
        for name in items[:-1]:
            if name in os.environ:
                return os.environ[name]
        return items[-1] if len(items) > 1 else os.environ.get(items[0]) if items else None
    return None


def _lenient_timestamp(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    """A date YAML cannot make (2026-02-30) stays text, as it does in records."""
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)  # type: ignore[arg-type]
    except ValueError:
        return loader.construct_scalar(node)  # type: ignore[arg-type]


_PermissiveLoader.add_multi_constructor("", _any_tag)
_PermissiveLoader.add_constructor("tag:yaml.org,2002:timestamp", _lenient_timestamp)
_PermissiveLoader.add_constructor("!ENV", _env_tag)


def plugin_options(config: Mapping[str, Any]) -> dict[str, Any]:
    """The options under ``plugins: - localoffer: ...`` (empty when none or not a mapping)."""
    options = _plugin_entry(config)[1]
    return dict(options) if isinstance(options, Mapping) else {}


def _plugin_entry(config: Mapping[str, Any]) -> tuple[tuple[int | str, ...] | None, Any]:
    """Where the plugin's options are in mkdocs.yml, and what they are (None when absent)."""
    plugins = config.get("plugins")
    if isinstance(plugins, list):
        for index, entry in enumerate(plugins):
            if entry == PLUGIN_NAME:
                return ("plugins", index), {}
            if isinstance(entry, Mapping) and PLUGIN_NAME in entry:
                return ("plugins", index, PLUGIN_NAME), entry[PLUGIN_NAME]
    if isinstance(plugins, Mapping) and PLUGIN_NAME in plugins:
        return ("plugins", PLUGIN_NAME), plugins[PLUGIN_NAME]
    return None, None


def plugin_position(root: Path) -> tuple[int, int]:
    """Line and column of the plugin's entry (``- localoffer:``) in mkdocs.yml: where a problem
    about the site as a whole is placed (1, 1 when it cannot be found)."""
    try:
        text = decode((root / CONFIG_FILE).read_bytes()).removeprefix("\ufeff")
        config = yaml.load(text, Loader=_PermissiveLoader)
        loc = _plugin_entry(config)[0] if isinstance(config, Mapping) else None
        position = parse_yaml(text).locate(loc, key=True) if loc else None
    except (OSError, ReadError, YamlSyntaxError, ValueError, TypeError, yaml.YAMLError):
        return 1, 1
    return (position.line, position.column) if position else (1, 1)


def settings_from(
    root: Path, config: Mapping[str, Any], options: Mapping[str, Any]
) -> SiteSettings:
    """Settings from an already-read config (MkDocs' own, in the build) and plugin options.

    Never raises: settings that cannot be used are kept in ``problems`` for ``check_settings``.
    """
    accessibility = options.get("accessibility") or {}
    additions = options.get("vocabularies") or {}
    problems: list[str] = []
    try:
        if not isinstance(additions, Mapping):
            raise VocabularyError(
                "the localoffer setting 'vocabularies' must be a group of vocabularies, such as "
                "'areas: [dales]'"
            )
        vocabularies = Vocabularies.with_additions(additions)
    except VocabularyError as exc:
        problems.append(str(exc))
        vocabularies = Vocabularies()
    return SiteSettings(
        root=root,
        site_name=_text(config.get("site_name")) or "Local Offer",
        site_url=_text(config.get("site_url")),
        docs_dir=_docs_dir(root, config),
        authority=_text(options.get("authority")),
        contact_email=_text(options.get("contact_email")),
        contact_phone=_text(options.get("contact_phone")),
        vocabularies=vocabularies,
        accessibility=accessibility if isinstance(accessibility, Mapping) else {},
        repository=_text(options.get("repository")).rstrip("/"),
        branch=_text(options.get("branch")) or "main",
        email_updates=_text(options.get("email_updates")),
        cms_backend=backend if isinstance(backend := options.get("cms_backend"), Mapping) else {},
        cms_local_backend=_text(options.get("cms_local_backend")),
        school_holidays=read_holidays(options.get(SCHOOL_HOLIDAYS))[0],
        problems=tuple(problems),
    )


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _docs_dir(root: Path, config: Mapping[str, Any]) -> str:
    value = _text(config.get("docs_dir")) or "docs"
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
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return SiteSettings(root), [error(CONFIG_FILE, 1, 1, "there is no mkdocs.yml here")]
    except OSError as exc:
        return SiteSettings(root), [
            error(CONFIG_FILE, 1, 1, f"mkdocs.yml cannot be read ({exc.strerror})")
        ]
    try:
        text = decode(raw).removeprefix("\ufeff")
        document = parse_yaml(text)
        config = yaml.load(text, Loader=_PermissiveLoader) or {}
    except ReadError as exc:
        return SiteSettings(root), [
            error(CONFIG_FILE, exc.position.line, exc.position.column, f"mkdocs.yml: {exc}")
        ]
    except YamlSyntaxError as exc:
        return SiteSettings(root), [
            error(CONFIG_FILE, exc.position.line, exc.position.column, f"mkdocs.yml: {exc}")
        ]
    except (ValueError, TypeError, RecursionError) as exc:
        return SiteSettings(root), [error(CONFIG_FILE, 1, 1, f"mkdocs.yml cannot be read: {exc}")]
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return SiteSettings(root), [
            error(CONFIG_FILE, line, column, f"mkdocs.yml cannot be read: {exc}")
        ]
    if not isinstance(config, Mapping):
        return SiteSettings(root), [
            error(CONFIG_FILE, 1, 1, "mkdocs.yml must be a set of settings (name: value)")
        ]

    def at(loc: tuple[int | str, ...], *, key: bool = True) -> tuple[int, int]:
        position = document.locate(loc, key=key)
        return position.line, position.column

    problems: list[Problem] = []
    loc, raw_options = _plugin_entry(config)
    options = plugin_options(config)
    usable = loc is not None and isinstance(raw_options, Mapping | None)
    if loc is None:
        problems.append(
            error(
                CONFIG_FILE,
                *at(("plugins",)),
                "the localoffer plugin is not in mkdocs.yml: add it under 'plugins:' as "
                "'- localoffer:' with its settings (authority, contact_email)",
            )
        )
        loc = ("plugins",)
    elif raw_options is not None and not isinstance(raw_options, Mapping):
        problems.append(
            error(
                CONFIG_FILE,
                *at(loc, key=False),
                "the localoffer settings must be indented 'name: value' lines under "
                "'- localoffer:' (authority, contact_email, ...)",
            )
        )
    for name, value in options.items():
        if name not in OPTION_NAMES:
            hint = did_you_mean(str(name), OPTION_NAMES)
            listing = "" if hint else f" The settings are: {', '.join(OPTION_NAMES)}."
            problems.append(
                error(
                    CONFIG_FILE,
                    *at((*loc, str(name))),
                    f"unknown localoffer setting '{name}'.{hint}{listing}".replace(".?", "?"),
                )
            )
        elif name == SCHOOL_HOLIDAYS:
            for where, message in read_holidays(value)[1]:
                position = at((*loc, name, *where), key=not where)
                problems.append(error(CONFIG_FILE, *position, message))
        elif name == "accessibility" and not isinstance(value, Mapping | None):
            problems.append(
                error(
                    CONFIG_FILE,
                    *at((*loc, name), key=False),
                    f"the localoffer setting '{name}' must be indented 'name: value' lines",
                )
            )
    settings = settings_from(root, config, options)
    if "docs_dir" not in config and (root / "content").is_dir() and not (root / "docs").is_dir():
        settings = replace(settings, docs_dir="content")
        problems.append(
            warning(
                CONFIG_FILE,
                1,
                1,
                "docs_dir is not set, so MkDocs will look for the pages in docs/: add "
                "'docs_dir: content' to mkdocs.yml",
            )
        )
    for problem in check_settings(settings):
        if "is missing" in problem.message and not usable:
            continue  # already said: the plugin or its settings are not there
        if "site_url" in problem.message:
            line, column = at(("site_url",)) if "site_url" in config else (1, 1)
        elif "vocabular" in problem.message:
            line, column = at((*loc, "vocabularies"))
        elif "'contact_email'" in problem.message and "contact_email" in options:
            line, column = at((*loc, "contact_email"), key=False)
        elif "'repository'" in problem.message:
            line, column = at((*loc, "repository"), key=False)
        elif "'email_updates'" in problem.message:
            line, column = at((*loc, "email_updates"), key=False)
        else:
            line, column = at(loc)
        problems.append(error(CONFIG_FILE, line, column, problem.message))
    return settings, problems


def check_settings(settings: SiteSettings, text: str = "") -> list[Problem]:
    """Settings the site cannot do without (positions are refined by ``read_settings``)."""
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
                1,
                1,
                f"site_url '{settings.site_url}' must be a full address starting with https://",
            )
        )
    if not settings.authority:
        problems.append(
            error(
                CONFIG_FILE,
                1,
                1,
                "the localoffer setting 'authority' (the council's name) is missing",
            )
        )
    if not settings.contact_email:
        problems.append(
            error(
                CONFIG_FILE,
                1,
                1,
                "the localoffer setting 'contact_email' (for accessible formats) is missing",
            )
        )
    elif not is_email(settings.contact_email):
        problems.append(
            error(
                CONFIG_FILE,
                1,
                1,
                f"the localoffer setting 'contact_email' is '{settings.contact_email}', which is "
                "not an email address (like localoffer@anyshire.example)",
            )
        )
    for name, value, example in (
        ("repository", settings.repository, "https://github.com/anyshire/local-offer"),
        ("email_updates", settings.email_updates, "https://updates.anyshire.example/local-offer"),
    ):
        if value and not value.startswith("https://"):
            problems.append(
                error(
                    CONFIG_FILE,
                    1,
                    1,
                    f"the localoffer setting '{name}' is '{value}', which is not a full address "
                    f"starting with https:// (like {example})",
                )
            )
    for message in settings.problems:
        problems.append(error(CONFIG_FILE, 1, 1, message))
    return problems


def statement_date(settings: SiteSettings, key: str) -> date | None:
    value = settings.accessibility.get(key)
    return value if isinstance(value, date) else None
