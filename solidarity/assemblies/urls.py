"""Addresses of assemblies: public programme and invitation pages, feeds, and staff pages."""

from django.urls import path, re_path

from solidarity.assemblies import views

app_name = "assemblies"

TOKEN = r"(?P<token>[A-Z2-7]{170})"  # noqa: S105  # a URL pattern, not a password

urlpatterns = [
    path("", views.index, name="index"),
    re_path(rf"^invitation/{TOKEN}/$", views.invitation_page, name="invitation"),
    path("<slug:slug>/", views.assembly_detail, name="assembly"),
    path("<slug:slug>/venues/<int:venue_id>/", views.venue_detail, name="venue"),
    path("<slug:slug>/follow/", views.follow, name="follow"),
    path("<slug:slug>/live/", views.live_page, name="live"),
]

staff_urlpatterns = [
    path("", views.staff_index, name="staff-index"),
    path("<slug:slug>/invitations/", views.staff_invitations, name="staff-invitations"),
    path("<slug:slug>/status/", views.staff_status, name="staff-status"),
    path("invitations/<int:pk>/", views.staff_invitation, name="staff-invitation"),
    path("invitations/<int:pk>/revoke/", views.staff_revoke, name="staff-revoke"),
    path("<slug:slug>/checkin/<int:venue_id>/", views.staff_checkin, name="staff-checkin"),
    path("<slug:slug>/checkin/<int:venue_id>/queue.json", views.staff_manifest, name="staff-manifest"),
    path("<slug:slug>/checkin/<int:venue_id>/sync/", views.staff_sync, name="staff-sync"),
    path("<slug:slug>/checkin/<int:venue_id>/scans.json", views.staff_sync_json, name="staff-sync-json"),
    path("<slug:slug>/attendance/", views.staff_attendance, name="staff-attendance"),
    path("<slug:slug>/live/", views.staff_live, name="staff-live"),
    path("<slug:slug>/partners/", views.staff_partners, name="staff-partners"),
]

neutral_urlpatterns = [
    path("keys.json", views.published_keys, name="keys"),
    path("<slug:slug>.ics", views.calendar, name="calendar"),
    path("<slug:slug>/venues/<int:venue_id>.ics", views.venue_calendar, name="venue-calendar"),
    path("<slug:slug>/live.atom", views.atom_feed, name="atom"),
    path("<slug:slug>/live/events", views.live_stream, name="events"),
    path("<slug:slug>/revoked.json", views.revocation_list, name="revoked"),
]
