"""The HTTP side: REST framework, OpenAPI, tokens, throttles, CORS, CSP, the map."""

from datetime import timedelta
from urllib.parse import urlsplit

from corsheaders.defaults import default_headers as default_cors_headers
from csp.constants import NONCE

from .environment import PRODUCTION, env

# Bodies over 1 MB are refused with a 413 problem (api.request_limits); forms too.
API_MAX_REQUEST_BODY_BYTES = 1_048_576
DATA_UPLOAD_MAX_MEMORY_SIZE = API_MAX_REQUEST_BODY_BYTES

# Throttles per client address (anonymous) and per account. Counts live in each
# process's memory, so the effective limit is the rate times the worker count.
# Tiles have their own scope: one map view asks for dozens at once.
API_THROTTLE_RATES = {
    "anon": env.str(
        "THROTTLE_ANON_RATE", default="600/minute" if PRODUCTION else "100000/minute"
    ),
    "user": env.str(
        "THROTTLE_USER_RATE", default="2400/minute" if PRODUCTION else "100000/minute"
    ),
    "tiles": env.str(
        "THROTTLE_TILES_RATE", default="6000/minute" if PRODUCTION else "100000/minute"
    ),
}
# Sign-in, sign-up and password reset are throttled per client address with the
# counts in Redis (the "throttle" cache), so every worker process shares them.
# Failed sign-ins are also counted per account ("auth-login-account", N/<k><unit>,
# a sliding window): guesses spread over many addresses are slowed too, and the
# owner waits at most the window (a new password lifts it at once).
AUTH_THROTTLE_RATES = {
    "auth-login": env.str("THROTTLE_LOGIN_RATE", default="10/minute"),
    "auth-login-account": env.str("THROTTLE_LOGIN_ACCOUNT_RATE", default="10/15m"),
    "auth-signup": env.str("THROTTLE_SIGNUP_RATE", default="5/minute"),
    "auth-password-reset": env.str("THROTTLE_PASSWORD_RESET_RATE", default="5/minute"),
    "auth-verify-resend": env.str("THROTTLE_VERIFY_RESEND_RATE", default="3/minute"),
}

# The client address of every throttle: REMOTE_ADDR, or with NUM_PROXIES trusted
# reverse proxies in front (nginx: 1), the address the outermost of them appended
# to X-Forwarded-For. What the client itself puts in that header is never used.
NUM_PROXIES = env.int("NUM_PROXIES", default=0)

# API clients sign in with knox tokens (stored as SHA-512 digests, with expiry);
# the admin and the browsable API use sessions with CSRF.
REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "api.schema.RegistryAutoSchema",
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "knox.auth.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": [
        "rest_framework.permissions.IsAuthenticatedOrReadOnly",
    ],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    # JSON bodies nested deeper than api.parsers.MAX_JSON_DEPTH are a 400.
    "DEFAULT_PARSER_CLASSES": [
        "api.parsers.DepthLimitedJSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
    "DEFAULT_THROTTLE_CLASSES": [
        "api.throttling.AnonymousRateThrottle",
        "api.throttling.SignedInRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": API_THROTTLE_RATES,
    "NUM_PROXIES": NUM_PROXIES,
    "EXCEPTION_HANDLER": "api.errors.problem_exception_handler",
    "URL_FORMAT_OVERRIDE": "format",
    # `?format=` wins over Accept (GDAL sends Accept: application/json).
    "DEFAULT_CONTENT_NEGOTIATION_CLASS": "api.negotiation.FormatParameterFirst",
}
REST_KNOX = {
    "TOKEN_TTL": timedelta(hours=env.int("API_TOKEN_TTL_HOURS", default=24 * 30)),
    "TOKEN_LIMIT_PER_USER": env.int("API_TOKEN_LIMIT_PER_USER", default=20),
    "AUTO_REFRESH": False,
}

# Where clients reach the API (the OpenAPI `servers` entry and contact link);
# empty: the host that serves the document ("/").
API_PUBLIC_URL = env.str("API_PUBLIC_URL", default="").rstrip("/")

SPECTACULAR_SETTINGS = {
    "TITLE": "Trondheim Tech Port registry",
    "DESCRIPTION": (
        "Test arenas, shared labs and pilot projects in Trondheim Tech Port, "
        "with PostGIS locations. Coordinates are lon/lat (EPSG:4326)."
    ),
    "VERSION": "1.0.0",
    "CONTACT": {
        "name": "Trondheim Tech Port",
        **({"url": API_PUBLIC_URL + "/"} if API_PUBLIC_URL else {}),
    },
    "SERVERS": [{"url": API_PUBLIC_URL or "/", "description": "This registry"}],
    # Request bodies are documented as JSON, the API's contract (the parsers also
    # take forms, for the browsable API); one media type per body gives generated
    # clients a required, typed `body` argument.
    "PARSER_WHITELIST": ["rest_framework.parsers.JSONParser"],
    # Tags and operationIds from the path after /api/v1/: `sites`, `sites_list`.
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "TAGS": [
        {"name": "sites", "description": "Test arenas and shared labs."},
        {"name": "pilots", "description": "Pilot projects and their locations."},
        {"name": "pilot workflow", "description": "Submit, review and run a pilot."},
        {"name": "opportunities", "description": "Calls for pilots."},
        {"name": "organizations", "description": "Organisations and members."},
        {"name": "zones", "description": "The district's named areas."},
        {"name": "vocabularies", "description": "Sectors, UN SDGs and TRL levels."},
        {"name": "subscriptions", "description": "Calls by email or webhook."},
        {"name": "notifications", "description": "Your in-app inbox."},
        {"name": "history", "description": "Who changed what, when."},
        {"name": "moderation", "description": "Unpublish and republish."},
        {"name": "auth", "description": "Accounts, sign-in and API tokens."},
        {"name": "tiles", "description": "Vector tiles (MVT) and TileJSON."},
        {"name": "health", "description": "Liveness and readiness probes."},
    ],
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    # Distinct names for the catalogue's choice sets (several are "status").
    "ENUM_NAME_OVERRIDES": {
        "SiteStatusEnum": "pilots.models.sites.Site.Status",
        "SiteKindEnum": "pilots.models.sites.Site.Kind",
        "PilotStatusEnum": "pilots.models.pilots.PilotProject.Status",
        "OrganizationKindEnum": "pilots.models.organizations.Organization.Kind",
        "OpportunityStatusEnum": "pilots.models.opportunities.Opportunity.Status",
        "BookingStateEnum": "pilots.models.bookings.Booking.State",
    },
    # Every operation documents the problem-details errors it can answer with, and
    # anonymous-readable operations their optional security (api/schema_errors.py);
    # tags, summaries and HTTP headers (api/schema_contract.py); request examples
    # from the district data (api/schema_examples.py).
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "api.schema_errors.add_problem_responses",
        "api.schema_contract.document_http_contract",
        "api.schema_examples.add_request_examples",
    ],
}
# Path segments that share one tag in the OpenAPI document.
SPECTACULAR_TAG_ALIASES = {
    "organisations": "organizations",
    "sdgs": "vocabularies",
    "sectors": "vocabularies",
    "trl-levels": "vocabularies",
    "healthz": "health",
    "readyz": "health",
}

# CORS only on the API, OGC and tile routes: anonymous GETs from any origin
# (open data, api/cors.py), writes and token-carrying reads only from
# CORS_ALLOWED_ORIGINS. Clients may send If-Match/If-None-Match and read the
# paging, version and CRS headers.
CORS_ALLOWED_ORIGINS = env.list("CORS_ALLOWED_ORIGINS", default=[])
CORS_URLS_REGEX = r"^/(api|ogc|tiles)(/|$)"
CORS_ALLOW_HEADERS = (*default_cors_headers, "if-match", "if-none-match")
CORS_EXPOSE_HEADERS = ["ETag", "Link", "Content-Crs", "Content-Language", "Location"]

# The map page: the basemap is a raster tile URL template ({z}/{x}/{y}); empty
# means a plain background, so the page works offline.
MAP_BASEMAP_TILES_URL = env.str("MAP_BASEMAP_TILES_URL", default="")
MAP_BASEMAP_ATTRIBUTION = env.str("MAP_BASEMAP_ATTRIBUTION", default="")
# A MapLibre style a deployment provides (OpenStreetMap-based, Kartverket's):
# the registry's layers are drawn over it; empty or unreachable means the
# offline style above.
MAP_STYLE_URL = env.str("MAP_STYLE_URL", default="")
MAP_CENTER = tuple(env.list("MAP_CENTER", cast=float, default=[10.3946, 63.4103]))
MAP_ZOOM = env.float("MAP_ZOOM", default=13.3)

# Content-Security-Policy for the HTML pages: scripts only from this origin or
# inline with the per-request nonce (the Swagger UI template adds it); inline
# styles (Swagger UI and ReDoc set style attributes); ReDoc and MapLibre start
# web workers from blob: URLs. A configured basemap's or style's origin is
# allowed too (a style's tiles, glyphs and sprites elsewhere: CSP_EXTRA_*).
_basemap_origins = list(
    dict.fromkeys(
        f"{url.scheme}://{url.netloc}"
        for url in map(urlsplit, (MAP_BASEMAP_TILES_URL, MAP_STYLE_URL))
        if url.netloc
    )
)
CSP_EXTRA_IMG_SOURCES = env.list("CSP_EXTRA_IMG_SOURCES", default=[])
CSP_EXTRA_CONNECT_SOURCES = env.list("CSP_EXTRA_CONNECT_SOURCES", default=[])
CONTENT_SECURITY_POLICY: dict[str, dict[str, list]] = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", NONCE],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": [
            "'self'",
            "data:",
            "blob:",
            *CSP_EXTRA_IMG_SOURCES,
            *_basemap_origins,
        ],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'", *CSP_EXTRA_CONNECT_SOURCES, *_basemap_origins],
        "worker-src": ["'self'", "blob:"],
        "child-src": ["'self'", "blob:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    },
}
