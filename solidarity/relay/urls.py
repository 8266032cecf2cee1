"""Addresses of the relay."""

from django.urls import path

from solidarity.relay import views

app_name = "relay"

urlpatterns = [
    path("", views.wall, name="wall"),
    path("send/", views.send, name="send"),
    path("send/thanks/", views.thanks, name="thanks"),
    path("send/status/", views.sender_status, name="status"),
    path("verify/", views.verify_help, name="verify"),
]

staff_urlpatterns = [
    path("queue/", views.queue, name="queue"),
    path("queue/decide/", views.decide, name="decide"),
    path("translations/", views.translations, name="translations"),
    path("translations/<str:public_id>/", views.translate, name="translate"),
    path("transmissions/", views.transmissions, name="transmissions"),
    path("transmissions/<int:pk>/", views.transmission, name="transmission"),
    path("transmissions/<int:pk>/approve/", views.approve, name="approve"),
    path(
        "transmissions/<int:pk>/bulletin-<slug:language>.pdf",
        views.transmission_bulletin,
        {"kind": "pdf"},
        name="bulletin-pdf",
    ),
    path(
        "transmissions/<int:pk>/bulletin-<slug:language>.ogg",
        views.transmission_bulletin,
        {"kind": "ogg"},
        name="bulletin-audio",
    ),
    path("transmissions/<int:pk>/unsigned.zip", views.unsigned, name="unsigned"),
    path("transmissions/<int:pk>/signed/", views.upload_signed, name="upload-signed"),
]

neutral_urlpatterns = [
    path("pow.json", views.pow_challenge, name="pow"),
    path("feeds/<str:language>.atom", views.feed, {"fmt": "atom"}, name="feed-atom"),
    path("feeds/<str:language>.json", views.feed, {"fmt": "json"}, name="feed-json"),
    path("bundles/<int:pk>.zip", views.download, name="download"),
]
