from django.apps import AppConfig


class AttentionConfig(AppConfig):
    name = "rapport.attention"

    def ready(self) -> None:
        from rapport.attention import receivers  # noqa: F401  (connects the signal receivers)
