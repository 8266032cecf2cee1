"""Addresses of the shared kernel: public ones in `urlpatterns`, staff ones in `staff_urlpatterns`."""

from django.urls import path

from solidarity.core import account_views, views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
]

neutral_urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("api/openapi.json", views.openapi_document, name="openapi"),
]

staff_urlpatterns = [
    path("", views.staff_home, name="staff-home"),
    path("sign-in/", views.sign_in, name="login"),
    path("second-factor/", views.second_factor, name="second-factor"),
    path("sign-out/", views.sign_out, name="logout"),
    path("audit/", views.audit_log, name="audit-log"),
    path("accounts/", account_views.account_list, name="accounts"),
    path("accounts/<int:pk>/", account_views.account_detail, name="account"),
    path("enrol/<str:token>/", account_views.enrol, name="enrol"),
]
