"""What the in-process measurements (Q6 matching, Q7 availability, the write
costs) share: a transaction that is always rolled back, the index nodes of a
plan, and the `python -m bench.<module> [ROUNDS]` entry point printing JSON."""

import json
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

_INDEX_NODE = re.compile(r"(Index Scan|Index Only Scan|Bitmap Index Scan)[^\n]*")


@contextmanager
def rolled_back() -> Iterator[None]:
    """One transaction for the whole measurement, rolled back at the end (an
    error inside rolls it back too, and propagates)."""
    from django.db import transaction

    with transaction.atomic():
        yield
        transaction.set_rollback(True)


def index_nodes(plan: str) -> list[str]:
    """The index scans of an EXPLAIN text."""
    return [match.group(0).strip() for match in _INDEX_NODE.finditer(plan)]


def main(measure: Callable[[int], dict[str, Any]], default_rounds: int) -> None:
    """Set Django up, run `measure(rounds)` and print its result as one line."""
    import django

    django.setup()
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else default_rounds
    print(json.dumps(measure(rounds)))
