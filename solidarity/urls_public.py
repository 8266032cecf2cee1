"""URLs served on public hosts: no staff page or admin exists here (SR-13)."""

from solidarity.routing import build

urlpatterns = build(staff=False)
handler404 = "solidarity.core.views.error_404"
handler500 = "solidarity.core.views.error_500"
