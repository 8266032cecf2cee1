"""Django settings, read from environment variables only (each is documented in README.md).

The embedded default (`SOLIDARITY_ENV=embedded`) needs nothing installed but Python: SQLite in WAL
mode under the data directory, an in-process cache and in-process background jobs, secrets kept in
the data directory. Production (`SOLIDARITY_ENV=production`) differs only by environment variables:
it requires its secrets and hosts from the environment and turns on every transport protection.
"""

from __future__ import annotations

from pathlib import Path

import dj_database_url
import django_stubs_ext
from cryptography.fernet import Fernet
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

from solidarity.settings import env

django_stubs_ext.monkeypatch()  # lets `admin.ModelAdmin[Model]` and friends subscript at run time

BASE_DIR = Path(__file__).resolve().parent.parent

ENVIRONMENT = env.text("SOLIDARITY_ENV", "embedded")
if ENVIRONMENT not in {"embedded", "production", "test"}:
    raise ValueError(f"SOLIDARITY_ENV must be embedded, production or test, not {ENVIRONMENT!r}")
IS_PRODUCTION = ENVIRONMENT == "production"
IS_TEST = ENVIRONMENT == "test"

DATA_DIR = Path(env.text("SOLIDARITY_DATA_DIR", str(Path.cwd() / "var"))).resolve()


def _required_in_production(name: str, embedded_default: object) -> str:
    value = env.text(name)
    if value:
        return value
    if IS_PRODUCTION:
        raise ValueError(f"{name} must be set when SOLIDARITY_ENV=production")
    return env.persisted_secret(DATA_DIR, f".{name.lower()}", embedded_default)


SECRET_KEY = _required_in_production("SECRET_KEY", None)
# Fernet keys for personal data at rest, newest first; older keys still decrypt (rotation).
FIELD_ENCRYPTION_KEYS = [
    key.strip()
    for key in _required_in_production("SOLIDARITY_FIELD_KEYS", lambda: Fernet.generate_key().decode()).split(",")
    if key.strip()
]

DEBUG = env.flag("DEBUG", default=False)

ALLOWED_HOSTS = env.items("ALLOWED_HOSTS", [] if IS_PRODUCTION else ["127.0.0.1", "localhost", "[::1]", "testserver"])
# Hosts that serve the staff pages (sign-in, moderation, admin); every other host answers 404 there.
# In production this is the separate staff onion or host; "*" lets every allowed host serve them.
STAFF_HOSTS = env.items("SOLIDARITY_STAFF_HOSTS", [] if IS_PRODUCTION else ["*"])
ONION_HOST = env.text("SOLIDARITY_ONION_HOST")
# The public site's address (https://solidarity.example.org): links staff hand out to anyone else,
# such as invitations exported from the staff onion, which no delegate can open.
PUBLIC_URL = env.text("SOLIDARITY_PUBLIC_URL").rstrip("/")
CSRF_TRUSTED_ORIGINS = env.items("CSRF_TRUSTED_ORIGINS", [])
if ONION_HOST:
    ALLOWED_HOSTS.append(ONION_HOST)
    CSRF_TRUSTED_ORIGINS += [f"http://{ONION_HOST}"]
# Onions are served over http (deploy/torrc): their forms post from http://<onion>.
CSRF_TRUSTED_ORIGINS += [f"http://{host}" for host in STAFF_HOSTS if host.endswith(".onion")]

INSTALLED_APPS = [
    "solidarity.core",
    "solidarity.coalition",
    "solidarity.relay",
    "solidarity.elections",
    "solidarity.monitor",
    "solidarity.deliberation",
    "solidarity.assemblies",
    "solidarity.coordination",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_htmx",
    "csp",
]

MIDDLEWARE = [
    # Django's SecurityMiddleware, except that onion hosts are served over http (see the class).
    "solidarity.core.middleware.TransportSecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "solidarity.core.middleware.RequestLogMiddleware",
    "solidarity.core.middleware.HostRoutingMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "solidarity.core.middleware.ReaderLanguageMiddleware",  # reads it once for the request
    "django.middleware.common.CommonMiddleware",
    # ETag from the content and 304 answers to If-None-Match / If-Modified-Since (core.pagecache).
    "django.middleware.http.ConditionalGetMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "solidarity.core.middleware.PrivacyHeadersMiddleware",
]

ROOT_URLCONF = "solidarity.urls"
PUBLIC_URLCONF = "solidarity.urls_public"
WSGI_APPLICATION = "solidarity.wsgi.application"
ASGI_APPLICATION = "solidarity.asgi.application"

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
                "solidarity.core.context_processors.platform",
            ],
            "builtins": ["solidarity.core.templatetags.solidarity"],
        },
    }
]

# Databases: SQLite in WAL mode under the data directory unless DATABASE_URL names another.
DATABASE_URL = env.text("DATABASE_URL", f"sqlite:///{DATA_DIR / 'solidarity.sqlite3'}")
# Persistent connections (seconds) for the production page workers: a new PostgreSQL connection
# costs about 3 ms a request. 0 closes each one after its request (SQLite, the embedded start).
CONN_MAX_AGE = env.integer("SOLIDARITY_DB_CONN_MAX_AGE", default=60 if IS_PRODUCTION else 0)
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=0)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
        # Take the write lock when a transaction starts, so concurrent writers queue instead of
        # failing with "database is locked" when a read transaction tries to upgrade.
        "transaction_mode": "IMMEDIATE",
        "timeout": 30,
    }
    DATA_DIR.mkdir(parents=True, exist_ok=True)
else:
    DATABASES["default"]["CONN_MAX_AGE"] = CONN_MAX_AGE
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
# Lets several test runs share one PostgreSQL server without clashing (e.g. per app in development).
if env.text("SOLIDARITY_TEST_DB_NAME"):
    DATABASES["default"]["TEST"] = {"NAME": env.text("SOLIDARITY_TEST_DB_NAME")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env.text("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env.text("SOLIDARITY_CACHE_PREFIX", "solidarity"),
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Background jobs: "embedded" runs them in a thread of the serving process from a database queue;
# "celery" sends the same task functions to Celery workers over CELERY_BROKER_URL; "immediate" runs
# them in the caller. Each name is a class with an `enqueue` method (solidarity.core.jobs.JobBackend),
# found by its dotted path, so the kernel's job seam never imports the Celery module.
JOB_BACKENDS = {
    "embedded": "solidarity.core.jobs.EmbeddedBackend",
    "celery": "solidarity.celery.CeleryBackend",
    "immediate": "solidarity.core.jobs.ImmediateBackend",
}
JOBS_BACKEND = env.text("SOLIDARITY_JOBS", "embedded")
if JOBS_BACKEND not in JOB_BACKENDS:
    raise ValueError(f"SOLIDARITY_JOBS must be embedded, celery or immediate, not {JOBS_BACKEND!r}")
CELERY_BROKER_URL = env.text("CELERY_BROKER_URL", REDIS_URL or "amqp://guest:guest@127.0.0.1:5672//")

# Monitor ingestion of files from outside (docs/monitor.md, "Bad input"): decompressed bytes per
# file and per record (a WARC record, an HTML, text or feed file), the main text's length in
# characters, and the CPU seconds extracting one document may take; past each, a clear refusal.
MONITOR_MAX_FILE_BYTES = env.integer("SOLIDARITY_MONITOR_MAX_FILE_BYTES", default=128 * 1024 * 1024)
MONITOR_MAX_RECORD_BYTES = env.integer("SOLIDARITY_MONITOR_MAX_RECORD_BYTES", default=4 * 1024 * 1024)
MONITOR_MAX_TEXT_CHARS = env.integer("SOLIDARITY_MONITOR_MAX_TEXT_CHARS", default=200_000)
MONITOR_EXTRACT_SECONDS = env.integer("SOLIDARITY_MONITOR_EXTRACT_SECONDS", default=20)

# Public conversations (docs/deliberation.md, "Public participation"): new anonymous participants a
# conversation admits per hour, all visitors together (on Tor they share one address).
DELIBERATION_NEW_PARTICIPANTS_PER_HOUR = env.integer("SOLIDARITY_DELIBERATION_NEW_PARTICIPANTS_PER_HOUR", default=300)

AUTH_USER_MODEL = "core.User"
LOGIN_URL = "core:login"
LOGIN_REDIRECT_URL = "core:staff-home"
PASSWORD_HASHERS = (
    ["django.contrib.auth.hashers.MD5PasswordHasher"]  # tests only: Argon2 costs seconds per test
    if IS_TEST
    else ["django.contrib.auth.hashers.Argon2PasswordHasher"]
)
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
# Sign-in failures per (account, client) before each further one doubles the wait before the next
# try, from LOGIN_DELAY_SECONDS up to LOGIN_DELAY_MAX_SECONDS; forgotten after LOGIN_MEMORY_SECONDS.
LOGIN_FAILURES_ALLOWED = env.integer("SOLIDARITY_LOGIN_FAILURES", default=5)
LOGIN_DELAY_SECONDS = env.integer("SOLIDARITY_LOGIN_DELAY_SECONDS", default=2)
LOGIN_DELAY_MAX_SECONDS = env.integer("SOLIDARITY_LOGIN_DELAY_MAX_SECONDS", default=300)
LOGIN_MEMORY_SECONDS = env.integer("SOLIDARITY_LOGIN_MEMORY_SECONDS", default=3600)
OTP_TOTP_ISSUER = "Solidarity"

# Sessions end after this many idle minutes: each request renews the cookie.
SESSION_COOKIE_AGE = env.integer("SOLIDARITY_SESSION_IDLE_MINUTES", default=30) * 60
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Strict"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Strict"
LANGUAGE_COOKIE_SAMESITE = "Strict"
LANGUAGE_COOKIE_HTTPONLY = True

HTTPS = env.flag("SOLIDARITY_HTTPS", default=IS_PRODUCTION)
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
LANGUAGE_COOKIE_SECURE = HTTPS
SECURE_SSL_REDIRECT = HTTPS
# A health probe asks the page workers over plain http on 127.0.0.1 (a monitor, a load balancer):
# "ok" carries nothing to protect, and a redirect to https would read as the service being down.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = 63_072_000 if HTTPS else 0  # two years
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
# Behind the reverse proxy of deploy/nginx.conf, which sets X-Forwarded-Proto and X-Real-IP itself.
BEHIND_PROXY = env.flag("SOLIDARITY_BEHIND_PROXY", default=IS_PRODUCTION)
if BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
# "same-origin": no other host ever receives a Referer. ("no-referrer" would make Chromium send
# `Origin: null` on every form post, which Django's CSRF origin check rightly refuses.)
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# A translated page under the CSP, not Django's default (inline style, English only).
CSRF_FAILURE_VIEW = "solidarity.core.views.csrf_failure"

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [NONE],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF],
        "font-src": [SELF],
        "connect-src": [SELF],
        "media-src": [SELF],
        "manifest-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [NONE],
    }
}

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("fa", _("Persian"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "UTC"
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
if not IS_PRODUCTION:
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # WhiteNoise serves from finders here; it warns without it
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": DATA_DIR / "media"}},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if IS_PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = not IS_PRODUCTION
WHITENOISE_AUTOREFRESH = False

# Logs: a line per request with method, route and status, never an address, agent or body.
LOG_LEVEL = env.text("SOLIDARITY_LOG_LEVEL", "INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    # Django's own request loggers name the route pattern, never the path (paths carry tokens).
    "filters": {
        "withhold_request_path": {"()": "solidarity.core.logs.WithholdRequestPath"},
        "withhold_request_line": {"()": "solidarity.core.logs.WithholdRequestLine"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        "django.request": {"filters": ["withhold_request_path"]},
        "django.security.csrf": {"filters": ["withhold_request_path"]},
        "django.server": {"level": "WARNING", "filters": ["withhold_request_line"]},
        "uvicorn.access": {"level": "WARNING", "propagate": False},
        # WeasyPrint logs each step of every PDF bulletin at INFO (75 lines in a demo build).
        "weasyprint.progress": {"level": "WARNING"},
    },
}

# security.W001 asks for Django's SecurityMiddleware by its exact path; ours is a subclass, and
# solidarity.core.checks runs Django's transport checks against it instead (see check_transport).
SILENCED_SYSTEM_CHECKS: list[str] = ["security.W001"]
