"""Test settings: the real settings, with a fast hasher and static files served as they are."""

import os
import tempfile

os.environ.setdefault("RAPPORT_DATA_DIR", tempfile.mkdtemp(prefix="rapport-test-"))

from rapport.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405 (WhiteNoise warns when it is missing)

# The RQ variant of the task tests (RAPPORT_TASKS_BACKEND=rq) uses a Redis database of its own,
# which the tests flush; never the one a running Rapport uses.
RQ_QUEUES = {
    "default": {"URL": os.environ.get("RAPPORT_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")}
}
