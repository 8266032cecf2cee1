// Solve the relay form's ALTCHA proof of work in the browser (SHA-256, no third-party script).
// Without JavaScript the form falls back to the server's waiting token.
(function () {
  "use strict";
  var form = document.getElementById("relay-send");
  if (!form || !window.crypto || !window.crypto.subtle || !window.fetch) { return; }
  var field = document.getElementById("relay-altcha");
  var status = document.getElementById("relay-pow-status");
  function hex(buffer) {
    return Array.prototype.map.call(new Uint8Array(buffer), function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }
  async function solve(challenge) {
    var encoder = new TextEncoder();
    for (var n = 0; n <= challenge.maxnumber; n++) {
      var digest = await window.crypto.subtle.digest("SHA-256", encoder.encode(challenge.salt + n));
      if (hex(digest) === challenge.challenge) { return n; }
    }
    return null;
  }
  fetch(form.getAttribute("data-altcha-url"), { credentials: "same-origin" })
    .then(function (response) { return response.json(); })
    .then(async function (challenge) {
      var number = await solve(challenge);
      if (number === null) { return; }
      var payload = { algorithm: challenge.algorithm, challenge: challenge.challenge, number: number, salt: challenge.salt, signature: challenge.signature };
      field.value = btoa(JSON.stringify(payload));
      if (status) { status.textContent = "✓"; }
      form.setAttribute("data-pow", "solved");
    })
    .catch(function () { /* the no-JavaScript lane still works */ });
})();
