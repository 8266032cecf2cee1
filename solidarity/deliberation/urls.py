"""Addresses of the common-ground app."""

from django.urls import path

from solidarity.deliberation import views

app_name = "deliberation"

urlpatterns = [
    path("", views.conversation_list, name="list"),
    path("<int:pk>/", views.conversation_detail, name="conversation"),
    path("<int:pk>/vote/", views.vote, name="vote"),
    path("<int:pk>/statements/", views.submit, name="submit"),
    path("<int:pk>/report/", views.report, name="report"),
    path("charters/", views.charter_list, name="charters"),
    path("charters/<int:pk>/", views.charter_public, name="charter-public"),
]

staff_urlpatterns = [
    path("", views.staff_list, name="staff-list"),
    path("import/", views.import_export, name="import"),
    path("<int:pk>/moderation/", views.moderate, name="moderate"),
    path("<int:pk>/statements/<int:number>/decision/", views.decide, name="decide"),
    path("<int:pk>/statements/<int:number>/translation/", views.translate, name="translate"),
    path("<int:pk>/report/", views.staff_report, name="staff-report"),
    path("<int:pk>/recompute/", views.recompute, name="recompute"),
    path("<int:pk>/open/", views.open_or_close, name="open-or-close"),
    path("<int:pk>/export/<slug:name>.csv", views.export_file, name="export"),
    path("<int:pk>/charters/new/", views.charter_new, name="charter-new"),
    path("charters/<int:pk>/", views.charter, name="charter"),
    path("charters/<int:pk>/statements/<int:number>/", views.charter_add, name="charter-add"),
    path("charters/<int:pk>/items/<int:item_pk>/", views.charter_item, name="charter-item"),
]
