from django.apps import AppConfig


class MessagingConfig(AppConfig):
    name = "rapport.messaging"

    def ready(self) -> None:
        from rapport.messaging.mailbox_settings import MAILBOX_PANEL
        from rapport.practices.settings_panels import settings_panel_add

        settings_panel_add(MAILBOX_PANEL)
