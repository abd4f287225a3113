"""Validating content before a build touches the output folder, with the checker's messages."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from localoffer.core.check import CheckResult, check_loaded
from localoffer.core.clock import ClockError, build_now
from localoffer.core.memory import tune_for_bulk_loading
from localoffer.core.settings import check_settings, settings_from
from localoffer.core.source.cache import RECORDS

log = logging.getLogger("mkdocs.plugins.localoffer")


def validate(
    config: MkDocsConfig, options: dict[str, object], *, serving: bool = False
) -> CheckResult:
    """Load and check every record; stop the build on any error, as `localoffer check` would.

    While serving, records whose files did not change since the last build are reused
    (``core/source/cache.py``); a one-off build reads every file and keeps nothing.
    """
    root = Path(config.config_file_path).resolve().parent
    try:
        now = build_now()
    except ClockError as exc:
        raise PluginError(str(exc)) from None
    tune_for_bulk_loading()
    settings = settings_from(root, config, options)
    result = check_loaded(
        settings, now, check_settings(settings), cache=RECORDS if serving else None
    )
    for problem in result.warnings:
        # Editorial warnings are information for the build log: they must not fail --strict.
        log.info(problem.format())
    if result.errors:
        for problem in result.errors:
            log.error(problem.format())
        count = len(result.errors)
        raise PluginError(
            f"{count} content error{'s' if count != 1 else ''}: the site was not built and the "
            "output folder was left as it was. Run `localoffer check` for the same list."
        )
    # The YAML node trees only serve to place problems on their lines: free them for the build.
    result.site.sources.clear()
    return result
