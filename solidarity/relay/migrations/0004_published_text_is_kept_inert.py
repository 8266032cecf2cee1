"""Refuse a published message or a translation without its inert forms (after 0003 filled them).

Its own migration, so that on PostgreSQL the constraints are added in a transaction of their own,
after the rows were updated.
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("relay", "0003_message_inert_forms_kept")]

    operations = [
        migrations.AddConstraint(
            model_name="message",
            constraint=models.CheckConstraint(
                condition=models.Q(("is_published", False))
                | models.Q(
                    ("inert_city__isnull", False), ("inert_display_name__isnull", False), ("inert_text__isnull", False)
                ),
                name="relay_published_message_is_kept_inert",
            ),
        ),
        migrations.AddConstraint(
            model_name="translation",
            constraint=models.CheckConstraint(
                condition=models.Q(("inert_text__isnull", False)), name="relay_translation_is_kept_inert"
            ),
        ),
    ]
