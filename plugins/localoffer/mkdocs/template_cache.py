"""Compiled templates kept between ``mkdocs serve`` rebuilds.

MkDocs makes a new Jinja environment for every build, so each rebuild compiled mkdocs-material's
templates and ours again (about a second). Jinja's bytecode cache keeps the compiled code,
checked against each template's source, so an edited template is compiled again.
"""

from __future__ import annotations

from jinja2.bccache import Bucket, BytecodeCache


class MemoryBytecodeCache(BytecodeCache):
    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()
