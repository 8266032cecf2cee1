"""Addresses of assemblies: public programme and invitation pages, feeds, and staff pages."""

from django.urls import path, re_path

from solidarity.assemblies import delegate_views, organize_views, views

app_name = "assemblies"

TOKEN = r"(?P<token>[A-Z2-7]{170})"  # noqa: S105  # a URL pattern, not a password

urlpatterns = [
    path("", views.index, name="index"),
    re_path(rf"^invitation/{TOKEN}/$", views.invitation_page, name="invitation"),
    path("delegate/", delegate_views.home, name="delegate-home"),
    path("delegate/sign-in/", delegate_views.sign_in, name="delegate-sign-in"),
    path("delegate/sign-in/passphrase/", delegate_views.passphrase_sign_in, name="delegate-passphrase-sign-in"),
    path("delegate/passphrase/", delegate_views.set_passphrase, name="delegate-passphrase"),
    path("delegate/sign-out/", delegate_views.sign_out, name="delegate-sign-out"),
    path("<slug:slug>/", views.assembly_detail, name="assembly"),
    path("<slug:slug>/venues/<int:venue_id>/", views.venue_detail, name="venue"),
    path("<slug:slug>/follow/", views.follow, name="follow"),
    path("<slug:slug>/live/", views.live_page, name="live"),
]

staff_urlpatterns = [
    path("", views.staff_index, name="staff-index"),
    path("new/", organize_views.create_assembly, name="organize-create"),
    path("<slug:slug>/organize/", organize_views.overview, name="organize"),
    path("<slug:slug>/organize/edit/", organize_views.edit_assembly, name="organize-edit"),
    path("<slug:slug>/organize/publish/", organize_views.publish, name="organize-publish"),
    path("<slug:slug>/organize/delete/", organize_views.delete_assembly, name="organize-delete"),
    path("<slug:slug>/organize/venues/new/", organize_views.venue_form, name="organize-venue-new"),
    path("<slug:slug>/organize/venues/<int:venue_id>/", organize_views.venue_form, name="organize-venue"),
    path(
        "<slug:slug>/organize/venues/<int:venue_id>/delete/", organize_views.delete_venue, name="organize-venue-delete"
    ),
    path("<slug:slug>/organize/sessions/new/", organize_views.session_form, name="organize-session-new"),
    path("<slug:slug>/organize/sessions/<int:session_id>/", organize_views.session_form, name="organize-session"),
    path(
        "<slug:slug>/organize/sessions/<int:session_id>/delete/",
        organize_views.delete_session,
        name="organize-session-delete",
    ),
    path("<slug:slug>/organize/partners/new/", organize_views.partner_form, name="organize-partner-new"),
    path("<slug:slug>/organize/partners/<int:partner_id>/", organize_views.partner_form, name="organize-partner"),
    path(
        "<slug:slug>/organize/partners/<int:partner_id>/delete/",
        organize_views.delete_partner,
        name="organize-partner-delete",
    ),
    path("<slug:slug>/invitations/", views.staff_invitations, name="staff-invitations"),
    path("<slug:slug>/invitations/bulk/", organize_views.bulk_invitations, name="staff-bulk"),
    path("<slug:slug>/invitations.csv", organize_views.export_links, name="staff-export"),
    path("<slug:slug>/venues/<int:venue_id>/sheet.pdf", organize_views.venue_sheet, name="staff-sheet"),
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
    path("door-sw.js", views.door_worker, name="door-worker"),
    path("<slug:slug>.ics", views.calendar, name="calendar"),
    path("<slug:slug>/venues/<int:venue_id>.ics", views.venue_calendar, name="venue-calendar"),
    path("<slug:slug>/live.atom", views.atom_feed, name="atom"),
    path("<slug:slug>/live/events", views.live_stream, name="events"),
    path("<slug:slug>/revoked.json", views.revocation_list, name="revoked"),
]
