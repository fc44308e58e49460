"""Django settings for Rapport, read from environment variables (see the README's table)."""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
import django_stubs_ext

from rapport.lib.config import data_dir, env_flag, env_list, secret_key, sqlite_private

# Lets generic classes such as ModelForm[Client] be written at run time, as type checkers read them.
django_stubs_ext.monkeypatch()

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = data_dir()
SECRET_KEY = secret_key(DATA_DIR)
DEBUG = env_flag("DEBUG")
ALLOWED_HOSTS = env_list("RAPPORT_ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("RAPPORT_CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "rapport.practices.admin_apps.RapportAdminConfig",  # django.contrib.admin, login throttled
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rapport.lib",
    "rapport.practices",
    "rapport.clients",
    "rapport.timeline",
    "rapport.links",
    "rapport.cases",
    "rapport.attention.apps.AttentionConfig",
    "rapport.messaging",
    "rapport.appointments",
    "rapport.touches",
    "rapport.referrals",
    "rapport.handoffs",
    "rapport.feedback",
    "rapport.desk",
    "rapport.api",
    "rapport.portability",
    "rapport.server",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "rapport.server.access_log.AccessLogMiddleware",  # first, so it times and sees every answer
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",  # the Content-Security-Policy header, CONTENT_SECURITY_POLICY
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "rapport.practices.middleware.PracticeMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "rapport.urls"
WSGI_APPLICATION = "rapport.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "rapport.practices.context_processors.practice",
                "rapport.server.context_processors.worker",
            ],
            "builtins": ["rapport.lib.templatetags.rapport_tags"],
        },
    }
]

_sqlite_path = DATA_DIR / "rapport.sqlite3"
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{_sqlite_path}", conn_max_age=60
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Kept open between requests, as on PostgreSQL: opening one (its pragmas, and the SQL
    # functions Django registers on it) cost 0.75 ms, a twentieth of a client list. The server
    # is stopped for `rapport restore`, so no kept connection reads a replaced file.
    DATABASES["default"]["OPTIONS"] = {
        # WAL lets the web process read while the worker writes; IMMEDIATE
        # transactions avoid "database is locked" on upgrade from read to write.
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
        ),
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    if str(DATABASES["default"]["NAME"]) not in ("", ":memory:"):
        # Owner-only before Django first opens it, whatever the umask (docs/security.md).
        sqlite_private(Path(DATABASES["default"]["NAME"]))

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "practices.User"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Every password check goes through the login throttle (rapport.practices.throttle), which also
# counts API token failures. One backend only: a second would check a refused password again.
AUTHENTICATION_BACKENDS = ["rapport.practices.backends.ThrottledModelBackend"]

# Failed logins (and API token failures) allowed within the window before further attempts are
# refused: per account, and per address.
LOGIN_FAILURES_PER_ACCOUNT = 5
LOGIN_FAILURES_PER_ADDRESS = 20
LOGIN_FAILURE_WINDOW_MINUTES = 15

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 14 * 24 * 3600
CSRF_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# The browser runs only Rapport's own script and style files: no inline <script>, event handler
# attribute, style attribute or eval, so injected markup cannot run (django-csp; Django 6 has the
# same as SECURE_CSP). The front end keeps to it: rapport/static/rapport/app.js holds the page
# behaviours, app.css htmx's indicator, and base.html tells htmx not to eval.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],  # Pico draws its icons as data: SVGs
        "object-src": ["'none'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
    }
}

# Behind HTTPS (a practice server or hosting), cookies must never travel in clear.
if env_flag("RAPPORT_HTTPS"):
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = True
    SECURE_HSTS_SECONDS = 31536000
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Mail goes out through SMTP once a server is configured; until then it is printed.
EMAIL_HOST = os.environ.get("RAPPORT_SMTP_HOST", "")
EMAIL_PORT = int(os.environ.get("RAPPORT_SMTP_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("RAPPORT_SMTP_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("RAPPORT_SMTP_PASSWORD", "")
EMAIL_USE_TLS = env_flag("RAPPORT_SMTP_STARTTLS", default=EMAIL_PORT == 587)
EMAIL_USE_SSL = env_flag("RAPPORT_SMTP_SSL", default=EMAIL_PORT == 465)
EMAIL_TIMEOUT = 30
EMAIL_BACKEND = os.environ.get(
    "RAPPORT_EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "rapport.server.mail_log.LogOnlyEmailBackend",
)
DEFAULT_FROM_EMAIL = os.environ.get("RAPPORT_FROM_EMAIL", "rapport@localhost")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("RAPPORT_LOG_LEVEL", "INFO")},
    # Request logs can carry search terms (client names); keep them out.
    "loggers": {"django.request": {"level": "ERROR"}, "django.server": {"level": "WARNING"}},
}

# Background work goes through Django's Tasks framework (the django-tasks backport of Django 6's
# django.tasks). The database backend needs no other server, so a laptop runs as it is;
# RAPPORT_TASKS_BACKEND=rq puts the queue on Redis when web and task workers are on many hosts
# (docs/deploy.md).
TASKS_BACKEND = os.environ.get("RAPPORT_TASKS_BACKEND", "database")
if TASKS_BACKEND not in ("database", "rq"):
    raise ValueError(f"RAPPORT_TASKS_BACKEND must be database or rq; got {TASKS_BACKEND!r}")
TASKS = {
    "default": {
        "BACKEND": "django_tasks_rq.RQBackend"
        if TASKS_BACKEND == "rq"
        else "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default"],
    }
}
if TASKS_BACKEND == "rq":
    INSTALLED_APPS.append("django_rq")
RQ_QUEUES = {
    "default": {"URL": os.environ.get("RAPPORT_REDIS_URL", "redis://127.0.0.1:6379/0")},
}

# Where members and clients reach Rapport, for links in emails. Unset, `rapport serve` and
# `rapport demo` set it to the address they listen on (rapport.cli.base_url_for).
RAPPORT_BASE_URL = os.environ.get("RAPPORT_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
