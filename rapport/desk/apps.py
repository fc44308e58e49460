from django.apps import AppConfig


class DeskConfig(AppConfig):
    name = "rapport.desk"

    def ready(self) -> None:
        from rapport.desk import case_links, client_orders

        client_orders.register()
        case_links.register()
