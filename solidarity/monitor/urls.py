"""Addresses of the protest monitor."""

from django.urls import path

from solidarity.monitor import views

app_name = "monitor"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("chart/", views.chart, name="chart"),
    path("map/", views.point_map, name="map"),
    path("events/", views.event_list, name="events"),
    path("events/<int:pk>/", views.event_detail, name="event"),
]

staff_urlpatterns = [
    path("review/", views.review_queue, name="review"),
    path("review/<int:pk>/", views.review_event, name="review-event"),
    path("claims/<int:pk>/", views.review_claim, name="review-claim"),
    path("claims/<int:pk>/correct/", views.correct_claim, name="correct-claim"),
    path("compare/", views.compare, name="compare"),
    path("sources/", views.sources, name="sources"),
    path("reports/add/", views.add_report, name="add-report"),
    path("documents/<int:pk>/", views.document, name="document"),
]

neutral_urlpatterns = [
    path("events.csv", views.export, {"fmt": "csv"}, name="export-csv"),
    path("events.json", views.export, {"fmt": "json"}, name="export-json"),
]
