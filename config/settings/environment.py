"""The environment every settings module reads, and the paths they share."""

from pathlib import Path

import environ

env = environ.Env()
BASE_DIR = Path(__file__).resolve().parent.parent.parent
# The district's reference data ships with the repository (data/README.md).
DISTRICT_DATA_DIR = BASE_DIR / "data"
DJANGO_ENV = env.str("DJANGO_ENV", default="local")
PRODUCTION = DJANGO_ENV == "production"
