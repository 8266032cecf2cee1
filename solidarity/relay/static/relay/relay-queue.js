// Keyboard shortcuts of the moderation queue: j/k move, x select, a approve, r reject as spam,
// h hold, / focus the filters. The queue works without this script (checkboxes and a button).
(function () {
  "use strict";
  var form = document.getElementById("relay-decide");
  if (!form) { return; }
  var rows = Array.prototype.slice.call(document.querySelectorAll(".relay-row"));
  var current = -1;
  function focusRow(index) {
    if (!rows.length) { return; }
    current = Math.max(0, Math.min(rows.length - 1, index));
    rows.forEach(function (row) { row.classList.remove("relay-current"); });
    rows[current].classList.add("relay-current");
    rows[current].focus();
  }
  function selectedOrCurrent() {
    var checked = form.querySelectorAll("input[name=ids]:checked");
    if (!checked.length && current >= 0) { rows[current].querySelector("input[name=ids]").checked = true; }
    return form.querySelectorAll("input[name=ids]:checked").length;
  }
  function decide(decision, reason) {
    if (!selectedOrCurrent()) { return; }
    document.getElementById("relay-decision").value = decision;
    document.getElementById("relay-reason").value = reason;
    form.submit();
  }
  document.addEventListener("keydown", function (event) {
    var tag = (event.target.tagName || "").toLowerCase();
    if (tag === "input" && event.target.type !== "checkbox" || tag === "textarea" || tag === "select") { return; }
    if (event.ctrlKey || event.metaKey || event.altKey) { return; }
    // On a layout that writes no Latin letters (Persian, Arabic, Russian) the key's place on the
    // keyboard (event.code) names it: the key marked J is "j" whatever letter it writes.
    var key = event.key;
    if (!/^[a-z\/]$/.test(key) && !event.shiftKey && /^Key[A-Z]$/.test(event.code || "")) { key = event.code.charAt(3).toLowerCase(); }
    else if (!/^[a-z\/]$/.test(key) && !event.shiftKey && event.code === "Slash") { key = "/"; }
    switch (key) {
      case "j": focusRow(current + 1); break;
      case "k": focusRow(current - 1); break;
      case "x": if (current >= 0) { var box = rows[current].querySelector("input[name=ids]"); box.checked = !box.checked; } break;
      case "a": decide("approve", "fine"); break;
      case "r": decide("reject", "spam"); break;
      case "h": decide("hold", "unsure"); break;
      case "/": event.preventDefault(); document.getElementById("relay-filter-status").focus(); break;
      default: return;
    }
  });
})();
