"""The environment every settings module reads, and the paths they share."""

from pathlib import Path

import environ

env = environ.Env()
BASE_DIR = Path(__file__).resolve().parent.parent.parent
SHARED_DATA_DIR = Path(
    env.str("SHARED_DATA_DIR", default=str(BASE_DIR.parent / "shared/data"))
)
DJANGO_ENV = env.str("DJANGO_ENV", default="local")
PRODUCTION = DJANGO_ENV == "production"
