"""Where a request's time goes: pyinstrument over the full Django stack.

Run as `python -m bench.profiling <path> <requests> <output.txt>` with
DATABASE_URL at the benchmark database. The requests go through Django's
test client (every middleware, the view, the renderer) after one warm-up.
"""

import sys
from pathlib import Path

import django


def profile(path: str, requests: int) -> str:
    from django.test import Client
    from pyinstrument import Profiler

    client = Client(HTTP_HOST="127.0.0.1")
    first = client.get(path)
    if first.status_code != 200:
        raise SystemExit(f"{path} answered {first.status_code}")
    profiler = Profiler(interval=0.0005)
    profiler.start()
    for _ in range(requests):
        client.get(path)
    profiler.stop()
    return str(profiler.output_text(unicode=False, color=False, show_all=False))


def main() -> None:
    django.setup()
    path, requests, output = sys.argv[1], int(sys.argv[2]), Path(sys.argv[3])
    output.write_text(profile(path, requests))


if __name__ == "__main__":
    main()
