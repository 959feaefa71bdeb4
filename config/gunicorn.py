"""gunicorn settings; the bind address and worker count come from the environment."""

import gc
import os
import sys

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", "2"))
# Sync workers are safe only behind a buffering proxy: `make run` and compose put
# nginx in front (config/nginx.conf.template), so a slow client never holds one.
worker_class = "sync"
timeout = 30
graceful_timeout = 10
accesslog = "-"
# Behind nginx the peer is always the proxy; log what it forwarded as well.
access_log_format = (
    '%(h)s fwd=%({x-forwarded-for}i)s %(l)s %(u)s %(t)s "%(r)s" %(s)s %(b)s '
    '"%(f)s" "%(a)s"'
)
# Large GeoJSON answers must not let one worker's memory grow forever.
max_requests = 2000
max_requests_jitter = 200
# Reliability and security (issue 8): bound the request line (path + query string)
# and the headers gunicorn reads; larger ones get 400/431 before Django runs.
limit_request_line = int(os.environ.get("GUNICORN_LIMIT_REQUEST_LINE", "8190"))
limit_request_fields = int(os.environ.get("GUNICORN_LIMIT_REQUEST_FIELDS", "100"))
limit_request_field_size = int(
    os.environ.get("GUNICORN_LIMIT_REQUEST_FIELD_SIZE", "8190")
)
# The app is imported once, in the master, before the workers fork: its code and
# data pages are shared by all workers (copy-on-write), so each worker's own
# memory (PSS, `make bench`) is smaller. Importing opens no database or broker
# connection; pre_fork closes any all the same, so no socket is ever shared by
# two processes (Redis clients reconnect by themselves after a fork). A new
# release needs a restart of the master (HUP reloads no preloaded code).
preload_app = True


def pre_fork(server: object, worker: object) -> None:
    # The objects imported so far are left out of the workers' garbage
    # collections, which would otherwise write to (and so copy) their pages.
    gc.freeze()
    # Only what the preloaded app imported (the bench's floor app imports none).
    if "django.db" in sys.modules:
        sys.modules["django.db"].connections.close_all()
    if "config.celery_app" in sys.modules:
        sys.modules["config.celery_app"].app.close()  # its broker pool, if any
