"""Create the role groups with their permissions (a frozen snapshot; later apps add their own)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ROLE_PERMISSIONS = {
    "Trainees": [],
    "Trainers": [
        ("wagtailadmin", "access_admin"),
        # "add" lets trainers upload and edit their own media; "change" would let them edit
        # everyone's, so it is not granted.
        ("wagtailimages", "add_image"),
        ("wagtailimages", "choose_image"),
        ("wagtaildocs", "add_document"),
        ("wagtaildocs", "choose_document"),
    ],
    # Programme managers receive the reports permission in the reports app's migration.
    "Programme managers": [],
}


def create_role_groups(apps, schema_editor):
    # Permissions are normally created after all migrations; make sure they exist now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    # Wagtail's starter groups would give admin access outside Liaison's roles (and outside
    # the two-factor rule); Liaison's roles replace them.
    Group.objects.filter(name__in=["Editors", "Moderators"]).delete()
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Collection = apps.get_model("wagtailcore", "Collection")
    root_collection = Collection.objects.filter(depth=1).first()

    for name, codes in ROLE_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=name)
        for app_label, codename in codes:
            permission = Permission.objects.get(
                content_type__app_label=app_label, codename=codename
            )
            if app_label in ("wagtailimages", "wagtaildocs"):
                # Images and documents are permitted per collection in Wagtail.
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=permission
                )
            else:
                group.permissions.add(permission)


def remove_role_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLE_PERMISSIONS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        # The permissions granted below are created by these migrations.
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0026_group_collection_permission"),
        ("wagtailimages", "0023_add_choose_permissions"),
        ("wagtaildocs", "0011_add_choose_permissions"),
    ]

    operations = [migrations.RunPython(create_role_groups, remove_role_groups)]
