"""gunicorn settings; the bind address and worker count come from the environment."""

import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", "2"))
worker_class = "sync"
timeout = 30
graceful_timeout = 10
accesslog = "-"
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
