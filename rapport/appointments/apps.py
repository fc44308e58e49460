from django.apps import AppConfig


class AppointmentsConfig(AppConfig):
    name = "rapport.appointments"

    def ready(self) -> None:
        from rapport.appointments import receivers  # noqa: F401  (connects the signal receivers)
