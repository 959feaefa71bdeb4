"""Django itself: apps, middleware, database, caches, i18n, static files, security."""

from pathlib import Path

from .environment import BASE_DIR, PRODUCTION, env
from .local_secret import local_secret_key

DEBUG = env.bool("DEBUG", default=False)
# Production requires SECRET_KEY; elsewhere a key generated once per installation
# (local_secret.py) unless SECRET_KEY is set.
SECRET_KEY = (
    env.str("SECRET_KEY")
    if PRODUCTION
    else env.str("SECRET_KEY", default="")
    or local_secret_key(
        Path(env.str("SECRET_KEY_FILE", default=str(BASE_DIR / ".secret_key")))
    )
)
ALLOWED_HOSTS = env.list(
    "ALLOWED_HOSTS",
    default=[] if PRODUCTION else ["127.0.0.1", "localhost", "[::1]", "testserver"],
)
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "config.admin.RegistryAdminConfig",  # django.contrib.admin, sectioned
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
    "web",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "corsheaders",
    "csp",
    "knox",
    "simple_history",
]

MIDDLEWARE = [
    # First, so it compresses the final body (static files included); never
    # HTML (BREACH: api/compression.py).
    "api.compression.CompressionMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Problem details for every error below this point; bodies over 1 MB are
    # refused before anything reads them.
    "api.middleware.ProblemDetailsMiddleware",
    # Weak ETags and 304s for lists and OGC items (api/conditional.py).
    "api.conditional.ListETagMiddleware",
    # Content-Language only on translated bodies (api/content_language.py).
    "api.content_language.UntranslatedDataMiddleware",
    "api.request_limits.RequestBodyLimitMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "config.messages.LazyMessageMiddleware",  # Django's, storage made when used
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "config.csp.CSPMiddleware",  # django-csp's, policies built once
    "simple_history.middleware.HistoryRequestMiddleware",
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
# PostGIS with a health check that needs no round trip (config/postgis/base.py).
DATABASES["default"]["ENGINE"] = "config.postgis"
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
# Page, item and tile statements run prepared (geo/statements.py), each planned
# for its own values; PREPARED_READS=false behind a pooler that cannot keep them.
PREPARED_READS = env.bool("PREPARED_READS", default=True)
DATABASES["default"]["OPTIONS"] = {
    "options": "-c jit=off -c max_parallel_workers_per_gather=0"
    " -c plan_cache_mode=force_custom_plan",
    "connect_timeout": env.int("DB_CONNECT_TIMEOUT", default=3),
    # Only geo.statements' cursors prepare (Django's bind in the client).
    "prepare_threshold": 5 if PREPARED_READS else None,
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Redis: the Celery broker, the throttle counts and the tile versions that every
# worker shares.
REDIS_URL = env.str("REDIS_URL", default="redis://127.0.0.1:6379/0")
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "throttle": {
        "BACKEND": "config.redis_cache.RedisCache",
        "LOCATION": env.str("THROTTLE_REDIS_URL", default=REDIS_URL),
        "KEY_PREFIX": f"ttp-throttle-{DATABASES['default']['NAME']}",
    },
    # Small tokens every worker shares: the tile layers' data versions
    # (api.tiles.versions), dropped on every write to their tables.
    "versions": {
        "BACKEND": "config.redis_cache.RedisCache",
        "LOCATION": env.str("VERSIONS_REDIS_URL", default=REDIS_URL),
        "KEY_PREFIX": f"ttp-versions-{DATABASES['default']['NAME']}",
        "TIMEOUT": env.int("TILE_VERSION_TTL", default=60),
    },
    # Rendered vector tiles (api.tiles.cache), keyed by their layer's data
    # version: entries of old versions are never asked for again and age out
    # (TILE_CACHE_TTL) or are evicted by the server's maxmemory policy (README).
    # Short socket timeouts: when this Redis fails, tiles come from PostGIS.
    "tiles": {
        "BACKEND": "config.redis_cache.RedisCache",
        "LOCATION": env.str("TILE_CACHE_REDIS_URL", default=REDIS_URL),
        "KEY_PREFIX": f"ttp-tiles-{DATABASES['default']['NAME']}",
        "TIMEOUT": env.int("TILE_CACHE_TTL", default=60 * 60 * 24),
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
    },
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": name}
    for name in (
        "django.contrib.auth.password_validation.UserAttributeSimilarityValidator",
        # Django's rule, its message translated in our catalogue.
        "pilots.password_rules.MinimumLengthValidator",
        "django.contrib.auth.password_validation.CommonPasswordValidator",
        "django.contrib.auth.password_validation.NumericPasswordValidator",
    )
]
PASSWORD_RESET_TIMEOUT = env.int("PASSWORD_RESET_TIMEOUT", default=60 * 60 * 24)

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("nb", "Norsk bokmål")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Oslo"
USE_I18N = True
USE_TZ = True

# Static files, MapLibre GL JS included (from package-lock.json via `npm ci`).
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / ".staticfiles"
STATICFILES_DIRS = [("maplibre-gl", BASE_DIR / "node_modules/maplibre-gl/dist")]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = not PRODUCTION

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
}

# Security headers everywhere; the deploy hardening in production.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
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
