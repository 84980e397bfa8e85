"""Existing certificate templates are live, their latest revision the live one."""

from django.db import migrations


def live_revisions_set(apps, schema_editor):
    CertificateTemplate = apps.get_model("certificates", "CertificateTemplate")
    for template in CertificateTemplate.objects.filter(
        live_revision__isnull=True, latest_revision__isnull=False
    ):
        CertificateTemplate.objects.filter(pk=template.pk).update(
            live_revision_id=template.latest_revision_id
        )


class Migration(migrations.Migration):
    dependencies = [("certificates", "0003_certificatetemplate_review")]

    operations = [migrations.RunPython(live_revisions_set, migrations.RunPython.noop)]
