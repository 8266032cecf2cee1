// Pick the reader's own time zone for the programme when the address names none.
(function () {
  "use strict";
  var select = document.getElementById("tz-select");
  if (!select || new URLSearchParams(window.location.search).has("tz")) { return; }
  var zone = "";
  try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone || ""; } catch (error) { return; }
  if (!zone || zone === "UTC") { return; }
  var params = new URLSearchParams(window.location.search);
  params.set("tz", zone);
  window.location.replace(window.location.pathname + "?" + params.toString());
})();
