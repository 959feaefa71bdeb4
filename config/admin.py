"""The admin site: the registry's models grouped into sections staff recognise.

Django lists a model under its app; the `pilots` app holds the whole domain, so
its index would be one long list. `RegistryAdminSite` splits it (and adds the
zones from `geo`) into the sections below; other apps keep their own.
"""

from typing import Any

from django.contrib.admin import AdminSite
from django.contrib.admin.apps import AdminConfig
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

# (section, [(app label, model name), ...]) in the order the index shows them.
SECTIONS: list[tuple[Any, list[tuple[str, str]]]] = [
    (
        _("Registry: sites, pilots and organisations"),
        [
            ("pilots", "Site"),
            ("pilots", "PilotProject"),
            ("pilots", "Organization"),
            ("geo", "Zone"),
        ],
    ),
    (
        _("Review and members"),
        [
            ("pilots", "PilotTransition"),
            ("pilots", "OrganizationMembership"),
            ("pilots", "AccountProfile"),
        ],
    ),
    (
        _("Calls and notifications"),
        [
            ("pilots", "Opportunity"),
            ("pilots", "Subscription"),
            ("pilots", "Notification"),
            ("pilots", "Delivery"),
            ("pilots", "OutboxEvent"),
        ],
    ),
    (
        _("Vocabularies"),
        [("pilots", "Sector"), ("pilots", "SDG"), ("pilots", "TRLLevel")],
    ),
]
SECTIONED_APPS = {"pilots", "geo"}


class RegistryAdminSite(AdminSite):
    site_header = _("Trondheim Tech Port registry")
    site_title = _("Registry admin")
    index_title = _("District staff")

    def get_app_list(
        self, request: HttpRequest, app_label: str | None = None
    ) -> list[dict[str, Any]]:
        apps = super().get_app_list(request, app_label)
        if app_label is not None:
            return apps
        models = {
            (app["app_label"], model["object_name"]): (app, model)
            for app in apps
            if app["app_label"] in SECTIONED_APPS
            for model in app["models"]
        }
        sections = []
        for name, members in SECTIONS:
            found = [models.pop(member) for member in members if member in models]
            if found:
                first_app = found[0][0]
                sections.append(
                    {
                        **first_app,
                        "name": name,
                        "models": [model for _app, model in found],
                    }
                )
        # Models added later without a section keep their app's heading.
        rest = [app for app in apps if app["app_label"] not in SECTIONED_APPS]
        for (label, _name), (app, model) in models.items():
            leftover = next((a for a in rest if a.get("leftover") == label), None)
            if leftover is None:
                leftover = {**app, "models": [], "leftover": label}
                rest.append(leftover)
            leftover["models"].append(model)
        return sections + rest


class RegistryAdminConfig(AdminConfig):
    default_site = "config.admin.RegistryAdminSite"
