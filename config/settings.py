"""Settings: read from the environment in one place, with safe local defaults.

`DJANGO_ENV=production` switches on the deploy hardening and requires a real
`SECRET_KEY` and `ALLOWED_HOSTS`; everything else differs by environment only.
"""

from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import environ
from celery.schedules import crontab
from csp.constants import NONCE

BASE_DIR = Path(__file__).resolve().parent.parent
SHARED_DATA_DIR = Path(
    environ.Env().str("SHARED_DATA_DIR", default=str(BASE_DIR.parent / "shared/data"))
)

env = environ.Env()
DJANGO_ENV = env.str("DJANGO_ENV", default="local")
PRODUCTION = DJANGO_ENV == "production"

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = (
    env.str("SECRET_KEY")
    if PRODUCTION
    else env.str("SECRET_KEY", default="local-only-insecure-key-not-for-production")
)
ALLOWED_HOSTS = env.list(
    "ALLOWED_HOSTS",
    default=[] if PRODUCTION else ["127.0.0.1", "localhost", "[::1]", "testserver"],
)
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.gis",
    "django.contrib.postgres",
    # Ours before third-party apps, so our templates override theirs.
    "geo",
    "pilots",
    "api",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "api.middleware.ProblemDetailsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# Database: PostGIS through psycopg 3. JIT and parallel query cost more than they
# save on the registry's small, index-driven queries (ARCHITECTURE.md).
DATABASE_URL = env.str("DATABASE_URL", default="postgres://ttp:ttp@127.0.0.1:5432/ttp")
DATABASES = {"default": env.db_url_config(DATABASE_URL)}
DATABASES["default"]["ENGINE"] = "django.contrib.gis.db.backends.postgis"
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DATABASES["default"]["OPTIONS"] = {
    "options": "-c jit=off -c max_parallel_workers_per_gather=0",
    "connect_timeout": env.int("DB_CONNECT_TIMEOUT", default=3),
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"django.contrib.auth.password_validation.{name}"}
    for name in (
        "UserAttributeSimilarityValidator",
        "MinimumLengthValidator",
        "CommonPasswordValidator",
        "NumericPasswordValidator",
    )
]

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("nb", "Norsk bokmål")]
TIME_ZONE = "Europe/Oslo"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / ".staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = not PRODUCTION

# Redis is the Celery broker and result backend.
REDIS_URL = env.str("REDIS_URL", default="redis://127.0.0.1:6379/0")
CELERY_BROKER_URL = REDIS_URL
CELERY_RESULT_BACKEND = REDIS_URL
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_DEFAULT_QUEUE = env.str("CELERY_QUEUE", default="celery")
CELERY_BEAT_SCHEDULE: dict[str, dict[str, object]] = {}

EMAIL_BACKEND = env.str(
    "EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend"
)
EMAIL_HOST = env.str("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
DEFAULT_FROM_EMAIL = env.str(
    "DEFAULT_FROM_EMAIL", default="Trondheim Tech Port <registry@techport.example>"
)

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": [
        "rest_framework.permissions.IsAuthenticatedOrReadOnly",
    ],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
    "EXCEPTION_HANDLER": "api.errors.problem_exception_handler",
    "URL_FORMAT_OVERRIDE": "format",
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Trondheim Tech Port registry",
    "DESCRIPTION": (
        "Test arenas, shared labs and pilot projects in Trondheim Tech Port, "
        "with PostGIS locations. Coordinates are lon/lat (EPSG:4326)."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
}

if PRODUCTION:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

# gis.W001 (GDAL < 3.9 cannot block file/network access from spatial references):
# user geometries reach GDAL only after geo.validation strips everything but
# "type" and "coordinates", so no "crs" member is ever parsed. The Docker image
# ships GDAL 3.10, where the check passes on its own.
SILENCED_SYSTEM_CHECKS = ["gis.W001"]

# Catalogue API (issue 3): request bodies over 1 MB are refused with a 413
# problem before anything reads them (api.request_limits); forms get the same cap.
API_MAX_REQUEST_BODY_BYTES = 1_048_576
DATA_UPLOAD_MAX_MEMORY_SIZE = API_MAX_REQUEST_BODY_BYTES
MIDDLEWARE.insert(
    MIDDLEWARE.index("api.middleware.ProblemDetailsMiddleware") + 1,
    "api.request_limits.RequestBodyLimitMiddleware",
)
# Distinct OpenAPI names for the catalogue's choice sets (several are "status").
SPECTACULAR_SETTINGS["ENUM_NAME_OVERRIDES"] = {
    **dict(SPECTACULAR_SETTINGS.get("ENUM_NAME_OVERRIDES", {})),  # type: ignore[call-overload]
    "SiteStatusEnum": "pilots.models.sites.Site.Status",
    "SiteKindEnum": "pilots.models.sites.Site.Kind",
    "PilotStatusEnum": "pilots.models.pilots.PilotProject.Status",
    "OrganizationKindEnum": "pilots.models.organizations.Organization.Kind",
}

# Reliability and security (issue 8): CORS only for configured origins, security
# headers, a Content-Security-Policy for the HTML pages, and request throttles.

INSTALLED_APPS += ["corsheaders", "csp"]
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
    "corsheaders.middleware.CorsMiddleware",
)
MIDDLEWARE.append("csp.middleware.CSPMiddleware")
CORS_ALLOWED_ORIGINS = env.list("CORS_ALLOWED_ORIGINS", default=[])
CORS_URLS_REGEX = r"^/(api|ogc|tiles)(/|$)"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Scripts only from this origin or inline with the per-request nonce (the Swagger
# UI template adds it); styles inline too (Swagger UI and ReDoc set style
# attributes); ReDoc and map libraries start web workers from blob: URLs.
CSP_EXTRA_IMG_SOURCES = env.list("CSP_EXTRA_IMG_SOURCES", default=[])
CSP_EXTRA_CONNECT_SOURCES = env.list("CSP_EXTRA_CONNECT_SOURCES", default=[])
CONTENT_SECURITY_POLICY: dict[str, dict[str, list]] = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", NONCE],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:", *CSP_EXTRA_IMG_SOURCES],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'", *CSP_EXTRA_CONNECT_SOURCES],
        "worker-src": ["'self'", "blob:"],
        "child-src": ["'self'", "blob:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    },
}
# Throttles per client address (anonymous) and per account. Counts live in each
# process's memory, so the effective limit is the rate times the worker count.
REST_FRAMEWORK["DEFAULT_THROTTLE_CLASSES"] = [
    "rest_framework.throttling.AnonRateThrottle",
    "rest_framework.throttling.UserRateThrottle",
]
API_THROTTLE_RATES = {
    "anon": env.str(
        "THROTTLE_ANON_RATE", default="600/minute" if PRODUCTION else "100000/minute"
    ),
    "user": env.str(
        "THROTTLE_USER_RATE", default="2400/minute" if PRODUCTION else "100000/minute"
    ),
}
REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"] = API_THROTTLE_RATES  # type: ignore[assignment]
# Every operation documents the problem-details errors it can answer with, and
# anonymous-readable operations their optional security (api/schema_errors.py).
SPECTACULAR_SETTINGS["POSTPROCESSING_HOOKS"] = [
    "drf_spectacular.hooks.postprocess_schema_enums",
    "api.schema_errors.add_problem_responses",
]

# Map clients (issue 4): vector tiles, TileJSON and the /map/ page. MapLibre GL JS
# comes from the npm registry (package.json; `npm ci` in the set-up) and is
# served as static files under /static/maplibre-gl/. The map's basemap is a
# raster tile URL template ({z}/{x}/{y}); empty means a plain background, so the
# page works offline. A configured basemap's origin is allowed by the CSP.
STATICFILES_DIRS = [("maplibre-gl", BASE_DIR / "node_modules/maplibre-gl/dist")]
MAP_BASEMAP_TILES_URL = env.str("MAP_BASEMAP_TILES_URL", default="")
MAP_BASEMAP_ATTRIBUTION = env.str("MAP_BASEMAP_ATTRIBUTION", default="")
MAP_CENTER = tuple(env.list("MAP_CENTER", cast=float, default=[10.3946, 63.4103]))
MAP_ZOOM = env.float("MAP_ZOOM", default=13.3)
if MAP_BASEMAP_TILES_URL:
    _basemap = urlsplit(MAP_BASEMAP_TILES_URL)
    for _directive in ("img-src", "connect-src"):
        CONTENT_SECURITY_POLICY["DIRECTIVES"][_directive].append(
            f"{_basemap.scheme}://{_basemap.netloc}"
        )
# Tiles have their own throttle scope: one map view asks for dozens at once.
API_THROTTLE_RATES["tiles"] = env.str(
    "THROTTLE_TILES_RATE", default="6000/minute" if PRODUCTION else "100000/minute"
)

# Accounts, permissions, workflow and history (issue 5). API clients sign in with
# knox tokens (stored as SHA-512 digests, with expiry); the admin and the
# browsable API use sessions with CSRF. simple-history records every change.
INSTALLED_APPS += ["knox", "simple_history"]
MIDDLEWARE.append("simple_history.middleware.HistoryRequestMiddleware")
REST_FRAMEWORK["DEFAULT_AUTHENTICATION_CLASSES"] = [
    "knox.auth.TokenAuthentication",
    "rest_framework.authentication.SessionAuthentication",
]
REST_KNOX = {
    "TOKEN_TTL": timedelta(hours=env.int("API_TOKEN_TTL_HOURS", default=24 * 30)),
    "TOKEN_LIMIT_PER_USER": env.int("API_TOKEN_LIMIT_PER_USER", default=20),
    "AUTO_REFRESH": False,
}
# Sign-in, sign-up and password reset are throttled per client address with the
# counts in Redis, so every worker process shares them.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "throttle": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": env.str("THROTTLE_REDIS_URL", default=REDIS_URL),
        "KEY_PREFIX": f"ttp-throttle-{DATABASES['default']['NAME']}",
    },
}
AUTH_THROTTLE_RATES = {
    "auth-login": env.str("THROTTLE_LOGIN_RATE", default="10/minute"),
    "auth-signup": env.str("THROTTLE_SIGNUP_RATE", default="5/minute"),
    "auth-password-reset": env.str("THROTTLE_PASSWORD_RESET_RATE", default="5/minute"),
}
# Links in the emails; the client (or a person with curl) posts uid and token back.
ACCOUNT_VERIFY_URL = env.str(
    "ACCOUNT_VERIFY_URL",
    default="http://127.0.0.1:8000/verify-email?uid={uid}&token={token}",
)
ACCOUNT_PASSWORD_RESET_URL = env.str(
    "ACCOUNT_PASSWORD_RESET_URL",
    default="http://127.0.0.1:8000/reset-password?uid={uid}&token={token}",
)
PASSWORD_RESET_TIMEOUT = env.int("PASSWORD_RESET_TIMEOUT", default=60 * 60 * 24)
LOCALE_PATHS = [BASE_DIR / "locale"]

# Opportunities and notifications (issue 6): retries kept in the database, the
# beat schedule, webhook safety and the public address used in email links.

PUBLIC_BASE_URL = env.str("PUBLIC_BASE_URL", default="http://127.0.0.1:8000")
NOTIFICATION_MAX_ATTEMPTS = env.int("NOTIFICATION_MAX_ATTEMPTS", default=8)
NOTIFICATION_RETRY_BASE_SECONDS = env.float(
    "NOTIFICATION_RETRY_BASE_SECONDS", default=30.0
)
NOTIFICATION_RETRY_MAX_SECONDS = env.float(
    "NOTIFICATION_RETRY_MAX_SECONDS", default=6 * 3600.0
)
NOTIFICATION_OUTBOX_GRACE_SECONDS = env.float(
    "NOTIFICATION_OUTBOX_GRACE_SECONDS", default=30.0
)
NOTIFICATION_SWEEP_SECONDS = env.float("NOTIFICATION_SWEEP_SECONDS", default=15.0)
# Plain http and loopback receivers: local development and tests only.
WEBHOOK_ALLOW_INSECURE_LOCAL = env.bool("WEBHOOK_ALLOW_INSECURE_LOCAL", default=False)
if PRODUCTION and WEBHOOK_ALLOW_INSECURE_LOCAL:
    raise ValueError("WEBHOOK_ALLOW_INSECURE_LOCAL must stay off in production")
WEBHOOK_TIMEOUT_SECONDS = (
    env.float("WEBHOOK_CONNECT_TIMEOUT", default=3.0),
    env.float("WEBHOOK_READ_TIMEOUT", default=5.0),
)
EMAIL_FILE_PATH = env.str("EMAIL_FILE_PATH", default=str(BASE_DIR / "var" / "mail"))
CELERY_BEAT_SCHEDULE.update(
    {
        "notifications-sweep": {
            "task": "pilots.tasks.notifications_sweep_task",
            "schedule": NOTIFICATION_SWEEP_SECONDS,
        },
        "opportunities-close": {
            "task": "pilots.tasks.opportunities_close_task",
            "schedule": 300.0,
        },
        "digests-daily": {
            "task": "pilots.tasks.digests_send_task",
            "schedule": crontab(hour=7, minute=0),
            "args": ("daily",),
        },
        "digests-weekly": {
            "task": "pilots.tasks.digests_send_task",
            "schedule": crontab(hour=7, minute=0, day_of_week="mon"),
            "args": ("weekly",),
        },
        "deadline-reminders": {
            "task": "pilots.tasks.deadline_reminders_task",
            "schedule": crontab(hour=8, minute=0),
        },
    }
)
# Where the file email backend writes (EMAIL_BACKEND=...filebased.EmailBackend).
EMAIL_FILE_PATH = env.str("EMAIL_FILE_PATH", default=str(BASE_DIR / ".emails"))
