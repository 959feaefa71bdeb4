"""CQL2 parsing (pygeofilter, lark, dateparser: about 25 MB per worker) loads
with the first `filter=` a worker reads, not when the worker starts."""

import subprocess
import sys

from django.conf import settings

PROBE = """
import sys
import django
django.setup()
from django.urls import resolve
resolve("/ogc/collections/sites/items")
print(",".join(sorted({"pygeofilter", "lark", "dateparser"} & set(sys.modules))))
"""


def test_a_started_worker_has_not_loaded_the_cql2_parser():
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )

    assert result.stdout.strip() == ""
