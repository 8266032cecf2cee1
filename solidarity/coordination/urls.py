"""Addresses of coordination."""

from django.urls import path

from solidarity.coordination import views

app_name = "coordination"

urlpatterns = [
    path("", views.campaign_list, name="list"),
    path("<slug:slug>/", views.campaign_detail, name="detail"),
    path("<slug:slug>/pledge/", views.pledge_page, name="pledge"),
    path("<slug:slug>/pledge/token/", views.pledge_form, name="pledge-form"),
    path("<slug:slug>/check-word/", views.check_word_page, name="check-word"),
]

staff_urlpatterns = [
    path("", views.staff_list, name="staff-list"),
    path("new/", views.staff_propose, name="staff-propose"),
    path("keys/mine/", views.staff_key, name="staff-key"),
    path("<slug:slug>/", views.staff_detail, name="staff-detail"),
    path("<slug:slug>/approve/", views.staff_approve, name="staff-approve"),
    path("<slug:slug>/issue/", views.staff_issue, name="staff-issue"),
    path("<slug:slug>/batch/", views.staff_batch, name="staff-batch"),
    path("<slug:slug>/signal/", views.staff_draft, name="staff-draft"),
    path("<slug:slug>/cosign/", views.staff_cosign, name="staff-cosign"),
    path("<slug:slug>/bulletin.json", views.staff_bulletin, name="staff-bulletin"),
]

neutral_urlpatterns = [
    path("<slug:slug>/campaign.json", views.campaign_json, name="campaign"),
    path("<slug:slug>/release.json", views.release_json, name="release"),
    path("<slug:slug>/code.json", views.code_json, name="code"),
    path("<slug:slug>/sign.json", views.sign_json, name="sign"),
    path("<slug:slug>/pledge.json", views.pledge_json, name="pledge"),
    path("<slug:slug>/withdraw.json", views.withdraw_json, name="withdraw"),
    path("<slug:slug>/status.json", views.status_json, name="status"),
]
