"""xAPI attachments, and the columns the GET filters need (StatementRef targets, agents, activities)."""

import django.utils.timezone
from django.db import migrations, models

import h5p.models.xapi
from h5p.xapi.indexing import statement_tokens
from h5p.xapi.validation import context_activities_listed


def index_stored_statements(apps, schema_editor):
    """Fill the new index columns, and list single context activities, of stored statements."""
    Statement = apps.get_model("h5p", "Statement")
    for statement in Statement.objects.iterator(chunk_size=500):
        raw = context_activities_listed(statement.raw)
        target = raw["object"]
        statement.raw = raw
        statement.context = raw.get("context")
        statement.target = target["id"] if target.get("objectType") == "StatementRef" else None
        for field, value in statement_tokens(raw).items():
            setattr(statement, field, value)
        statement.save(
            update_fields=[
                "raw", "context", "target", "agents", "related_agents", "related_activities"
            ]
        )


class Migration(migrations.Migration):

    dependencies = [
        ('h5p', '0004_user_state'),
    ]

    operations = [
        migrations.CreateModel(
            name='XAPIAttachment',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('sha2', models.CharField(max_length=128, unique=True, verbose_name='SHA-2 digest')),
                ('content_type', models.CharField(max_length=255, verbose_name='content type')),
                ('length', models.PositiveBigIntegerField(verbose_name='length in bytes')),
                ('file', models.FileField(max_length=200, upload_to=h5p.models.xapi._attachment_path, verbose_name='file')),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='created at')),
            ],
            options={
                'verbose_name': 'xAPI attachment',
                'verbose_name_plural': 'xAPI attachments',
            },
        ),
        migrations.AddField(
            model_name='statement',
            name='agents',
            field=models.TextField(blank=True, default='', verbose_name='agents (index)'),
        ),
        migrations.AddField(
            model_name='statement',
            name='related_activities',
            field=models.TextField(blank=True, default='', verbose_name='related activities (index)'),
        ),
        migrations.AddField(
            model_name='statement',
            name='related_agents',
            field=models.TextField(blank=True, default='', verbose_name='related agents (index)'),
        ),
        migrations.AddField(
            model_name='statement',
            name='target',
            field=models.UUIDField(blank=True, db_index=True, help_text='The statement this one refers to, when its object is a StatementRef.', null=True, verbose_name='targeted statement'),
        ),
        migrations.RunPython(index_stored_statements, migrations.RunPython.noop),
    ]
