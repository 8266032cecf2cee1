"""URLs served on staff hosts: every public page, plus staff pages and the admin."""

from solidarity.routing import build

urlpatterns = build(staff=True)
handler404 = "solidarity.core.views.error_404"
handler500 = "solidarity.core.views.error_500"
