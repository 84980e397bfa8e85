"""Programme managers ask for and read reports, and keep the programme's result indicators
in the Wagtail admin (which needs admin access)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CODENAMES = [
    # Reading and asking for reports: checked by reports.data.user_can_read_reports.
    "view_reportrun",
    "add_reportrun",
    *(
        f"{action}_{model}"
        for model in ("programmeindicator", "indicatorvalue")
        for action in ("add", "change", "delete", "view")
    ),
]


def _permissions(apps):
    Permission = apps.get_model("auth", "Permission")
    return [
        *Permission.objects.filter(content_type__app_label="reports", codename__in=CODENAMES),
        *Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin"),
    ]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("reports")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    managers = apps.get_model("auth", "Group").objects.filter(name="Programme managers").first()
    if managers:
        managers.permissions.add(*_permissions(apps))


def revoke(apps, schema_editor):
    managers = apps.get_model("auth", "Group").objects.filter(name="Programme managers").first()
    if managers:
        managers.permissions.remove(*_permissions(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0001_initial"),
        ("accounts", "0002_role_groups"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
