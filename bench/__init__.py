"""`make bench`: the registry against a floor (one SQL statement behind WSGI).

Modules: data (own database, synthetic rows), floor (the minimal WSGI app),
servers (gunicorn), measure (latency, throughput, RSS, same features),
matching (Q6), profiling (pyinstrument), report (Markdown/JSON), runner.
"""
