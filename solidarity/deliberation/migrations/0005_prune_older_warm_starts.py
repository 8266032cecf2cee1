"""Empty the engine's stored state on every result version but each conversation's newest.

Only the newest version's state is read (the next update starts from it); at 100k participants
each is several megabytes of JSON. From now on `compute_results` empties the older ones itself.
"""

from django.apps.registry import Apps
from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.models import Max


def prune(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    ResultVersion = apps.get_model("deliberation", "ResultVersion")
    newest = ResultVersion.objects.values("conversation_id").annotate(version=Max("version"))
    for row in newest:
        ResultVersion.objects.filter(conversation_id=row["conversation_id"], version__lt=row["version"]).exclude(
            warm_start={}
        ).update(warm_start={})


class Migration(migrations.Migration):
    dependencies = [("deliberation", "0004_charter_freeze")]

    operations = [migrations.RunPython(prune, migrations.RunPython.noop)]
