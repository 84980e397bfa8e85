"""Trainers write certificate templates; issued certificates stay with admins."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CODENAMES = [f"{action}_certificatetemplate" for action in ("add", "change")]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("certificates")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    trainers = Group.objects.filter(name="Trainers").first()
    if trainers:
        trainers.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="certificates", codename__in=CODENAMES
            )
        )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    trainers = Group.objects.filter(name="Trainers").first()
    if trainers:
        trainers.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="certificates", codename__in=CODENAMES
            )
        )


class Migration(migrations.Migration):
    dependencies = [("certificates", "0001_initial"), ("accounts", "0002_role_groups")]

    operations = [migrations.RunPython(grant, revoke)]
