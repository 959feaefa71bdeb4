"""Serve the registry through nginx, in the foreground (Procfile `proxy`).

Fills in config/nginx.conf.template from the environment and runs Debian's
nginx with it:
  PROXY_BIND         where nginx listens (127.0.0.1:8000)
  PROXY_UPSTREAM     where gunicorn listens (GUNICORN_BIND, else 127.0.0.1:8001)
  PROXY_RUNTIME_DIR  the rendered config, pid file and buffers (.nginx/)
"""

import os
import shutil
import string
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "config" / "nginx.conf.template"


def render(runtime: Path) -> Path:
    values = {
        "PROXY_BIND": os.environ.get("PROXY_BIND", "127.0.0.1:8000"),
        "PROXY_UPSTREAM": os.environ.get("PROXY_UPSTREAM")
        or os.environ.get("GUNICORN_BIND", "127.0.0.1:8001"),
        "PROXY_RUNTIME_DIR": str(runtime),
    }
    # nginx's own variables ($host, ...) are left alone.
    text = string.Template(TEMPLATE.read_text()).safe_substitute(values)
    config = runtime / "nginx.conf"
    config.write_text(text)
    return config


def main() -> None:
    runtime = Path(os.environ.get("PROXY_RUNTIME_DIR", ROOT / ".nginx")).resolve()
    runtime.mkdir(parents=True, exist_ok=True)
    runtime.chmod(0o755)  # started as root, nginx's workers run as nobody
    config = render(runtime)
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(nginx).exists():
        sys.exit("nginx is not installed: run `make system` (scripts/setup-system.sh)")
    arguments = ["-p", str(runtime), "-e", "stderr", "-c", str(config)]
    os.execv(nginx, [nginx, *arguments, "-g", "daemon off;"])  # noqa: S606


if __name__ == "__main__":
    main()
