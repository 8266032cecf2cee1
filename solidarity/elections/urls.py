"""Addresses of elections."""

from django.urls import path

from solidarity.elections import views

app_name = "elections"

urlpatterns = [
    path("", views.election_list, name="list"),
    path("voting-key/", views.voting_key, name="voting-key"),  # before the slug: "voting-key" is no election
    path("<slug:slug>/", views.election_detail, name="detail"),
    path("<slug:slug>/result/", views.result, name="result"),
    path("<slug:slug>/sheet/", views.result_sheet, name="sheet"),
    path("<slug:slug>/receipt/", views.receipt, name="receipt"),
    path("<slug:slug>/vote/", views.booth, name="booth"),
    path("<slug:slug>/sign/", views.sign, name="sign"),
]

staff_urlpatterns = [
    path("", views.staff_list, name="staff-list"),
    path("new/", views.staff_create, name="staff-create"),
    path("voting-keys/", views.staff_voting_keys, name="staff-voting-keys"),
    path("<slug:slug>/", views.staff_detail, name="staff-detail"),
    path("<slug:slug>/candidates/<int:pk>/", views.staff_candidate_edit, name="candidate-edit"),
    path("<slug:slug>/candidates/<int:pk>/withdraw/", views.staff_candidate_withdraw, name="candidate-withdraw"),
    path("<slug:slug>/trustees/", views.staff_appoint_trustee, name="appoint-trustee"),
    path("<slug:slug>/freeze/", views.staff_freeze, name="freeze"),
    path("<slug:slug>/trustee/", views.staff_trustee, name="trustee"),
    path("<slug:slug>/trustee/ceremony.json", views.staff_trustee_ceremony, name="trustee-ceremony"),
    path("<slug:slug>/trustee/restart/", views.staff_trustee_restart, name="trustee-restart"),
]

neutral_urlpatterns = [
    path("<slug:slug>/record.json", views.record_download, name="record"),
    path("<slug:slug>/definition.json", views.definition_download, name="definition"),
    path("<slug:slug>/charter.json", views.charter_download, name="charter"),
    path("<slug:slug>/cast", views.cast, name="cast"),
    path("<slug:slug>/chain.json", views.chain, name="chain"),
]
