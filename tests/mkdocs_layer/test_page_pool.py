"""The process pool (mkdocs/page_pool.py): results in order, logs relayed, failures not hidden."""

from __future__ import annotations

import logging
import os
from concurrent.futures.process import BrokenProcessPool

import pytest
from localoffer.mkdocs import page_pool

COUNT = 200


def _square(index: int) -> tuple[int, int]:
    return index * index, os.getpid()


def test_results_come_back_in_order_from_several_workers() -> None:
    results = page_pool.run(_square, COUNT, processes=2)
    assert [value for value, _pid in results] == [n * n for n in range(COUNT)]
    pids = {pid for _value, pid in results}
    assert os.getpid() not in pids and len(pids) == 2


def test_few_pages_or_one_process_stay_in_this_process() -> None:
    assert {pid for _v, pid in page_pool.run(_square, 10, processes=2)} == {os.getpid()}
    assert {pid for _v, pid in page_pool.run(_square, COUNT, processes=1)} == {os.getpid()}


def test_what_a_worker_logs_is_logged_once_by_the_parent(caplog: pytest.LogCaptureFixture) -> None:
    logger = logging.getLogger("mkdocs.plugins.localoffer")

    def warn(index: int) -> int:
        if index == 150:
            logger.warning("page %d has a broken link", index)
        return os.getpid()

    with caplog.at_level(logging.WARNING, logger="mkdocs"):
        pids = page_pool.run(warn, COUNT, processes=2)
    assert pids[150] != os.getpid()
    assert [r.getMessage() for r in caplog.records] == ["page 150 has a broken link"]


def test_an_exception_in_a_worker_stops_the_run() -> None:
    def fail(index: int) -> int:
        if index == 120:
            raise ValueError("page 120 cannot be rendered")
        return index

    with pytest.raises(ValueError, match="page 120"):
        page_pool.run(fail, COUNT, processes=2)


def test_a_worker_that_dies_stops_the_run_rather_than_hanging() -> None:
    def die(index: int) -> int:
        if index == 120:
            os._exit(9)  # as the out-of-memory killer would
        return index

    with pytest.raises(BrokenProcessPool):
        page_pool.run(die, COUNT, processes=2)
