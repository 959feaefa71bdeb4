"""`python -m bench [--quick] [--database-url URL] [--results DIR] [--no-readme]`."""

import argparse
import signal
import sys
from dataclasses import replace
from pathlib import Path

from . import report, runner
from .data import ROOT


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("--quick", action="store_true", help="few rows, one round")
    parser.add_argument(
        "--database-url",
        help="use this ready (migrated) database instead of the bench ones",
    )
    parser.add_argument("--results", type=Path, help="where latest.md/json go")
    parser.add_argument("--no-readme", action="store_true")
    args = parser.parse_args()
    # SIGTERM unwinds like Ctrl-C, so both gunicorn servers are stopped.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    settings = runner.QUICK if args.quick else runner.Settings()
    if args.database_url:
        settings = replace(settings, database_url=args.database_url)
    if args.results:
        settings = replace(settings, results_dir=args.results)
    result = runner.run(settings)
    path = report.write(result, settings.results_dir)
    print(path.read_text())
    if not args.quick and not args.no_readme:
        report.update_readme(result, ROOT / "README.md")


if __name__ == "__main__":
    main()
