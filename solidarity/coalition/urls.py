"""Addresses of the coalition registry."""

from django.urls import path

from solidarity.coalition import views

app_name = "coalition"

urlpatterns = [
    path("", views.directory, name="directory"),
    path("members.csv", views.directory_csv, name="directory-csv"),
    path("organizations/<int:pk>/", views.organization_detail, name="organization"),
    path("representation/", views.matrix, name="matrix"),
    path("apply/", views.apply, name="apply"),
    path("apply/thanks/", views.applied, name="applied"),
]

staff_urlpatterns = [
    path("applications/", views.applications, name="applications"),
    path("organizations/", views.staff_organizations, name="staff-organizations"),
    path("organizations/<int:pk>/status/", views.decide, name="decide"),
    path("organizations/<int:pk>/edit/", views.edit_organization, name="edit"),
    path("organizations/import/", views.import_csv, name="import"),
    path("taxonomies/", views.terms, name="terms"),
    path("delegates/", views.delegates, name="delegates"),
    path("delegates/<int:pk>/accredit/", views.accredit, name="accredit"),
    path("delegates/<int:pk>/identity/", views.reveal_identity, name="identity"),
]
