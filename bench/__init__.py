"""`make bench`: the registry against a floor (one SQL statement behind WSGI).

Modules: data (own database, synthetic rows), plain_floor (the plain floor's
table), floor (the minimal WSGI app), servers (gunicorn), measure (latency,
throughput, RSS/PSS, same features), tile_cache (cold tiles), matching (Q6),
availability (Q7), writes (write costs), harness (rolled-back runs), profiling
(pyinstrument), report and report_plain (Markdown/JSON), runner.
"""
