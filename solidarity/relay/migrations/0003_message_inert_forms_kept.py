"""Keep the inert forms of published messages and of translations, and fill them for existing rows.

The relay's feeds, wall and bundles read these instead of cleaning every text on every request
(issue 12). `make_inert` is a pure function of the text, so the fill gives what the services store.
The rule can change later: `solidarity relay reclean` cleans every published row again.
"""

from typing import Any

from django.db import migrations, models


def fill(apps: Any, schema_editor: Any) -> None:
    from solidarity.relay.inert import make_inert

    message_model = apps.get_model("relay", "Message")
    translation_model = apps.get_model("relay", "Translation")
    published = message_model.objects.filter(is_published=True).only("id", "text", "display_name", "city")
    for message in published.order_by("id").iterator(chunk_size=500):
        message_model.objects.filter(pk=message.pk).update(
            inert_text=make_inert(message.text),
            inert_display_name=make_inert(message.display_name, max_length=80),
            inert_city=make_inert(message.city, max_length=80),
        )
    for translation in translation_model.objects.only("id", "text").order_by("id").iterator(chunk_size=500):
        translation_model.objects.filter(pk=translation.pk).update(inert_text=make_inert(translation.text))


class Migration(migrations.Migration):
    dependencies = [("relay", "0002_delivery_signature")]

    operations = [
        migrations.AddField(
            model_name="message",
            name="inert_text",
            field=models.TextField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name="message",
            name="inert_display_name",
            field=models.CharField(blank=True, editable=False, max_length=80, null=True),
        ),
        migrations.AddField(
            model_name="message",
            name="inert_city",
            field=models.CharField(blank=True, editable=False, max_length=80, null=True),
        ),
        migrations.AddField(
            model_name="translation",
            name="inert_text",
            field=models.TextField(editable=False, null=True),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop, elidable=False),
    ]
