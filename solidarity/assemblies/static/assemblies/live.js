// Follow live updates over server-sent events; the page works without this by reloading.
(function () {
  "use strict";
  var list = document.getElementById("updates");
  var status = document.getElementById("live-status");
  if (!list || !window.EventSource) { return; }
  var language = list.getAttribute("data-language") || "en";
  var url = list.getAttribute("data-stream") + "?after=" + encodeURIComponent(list.getAttribute("data-last") || "0");
  var source = new EventSource(url);
  function say(key) { if (status) { status.textContent = status.getAttribute(key) || ""; } }
  source.addEventListener("open", function () { say("data-connected"); });
  source.addEventListener("error", function () { say("data-offline"); });
  source.addEventListener("update", function (event) {
    var item = JSON.parse(event.data);
    if (document.getElementById("update-" + item.id)) { return; }
    var empty = list.querySelector(".empty");
    if (empty) { empty.remove(); }
    var entry = document.createElement("li");
    entry.className = "update fresh update-" + item.kind;
    entry.id = "update-" + item.id;
    var meta = document.createElement("p");
    meta.className = "meta";
    var venue = language === "fa" ? (item.venue_fa || item.venue_en) : (item.venue_en || item.venue_fa);
    var label = language === "fa" ? item.kind_label_fa : item.kind_label_en;
    meta.textContent = label + (venue ? " · " + venue : "");
    var text = document.createElement("p");
    text.textContent = language === "fa" ? (item.text_fa || item.text_en) : (item.text_en || item.text_fa);
    entry.appendChild(meta);
    entry.appendChild(text);
    list.insertBefore(entry, list.firstChild);
  });
})();
