from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("assemblies", "0004_session_held_at"),
    ]

    operations = [
        migrations.AddField(
            model_name="scan",
            name="set_aside",
            field=models.CharField(blank=True, default="", max_length=20),
        ),
    ]
