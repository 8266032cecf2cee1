// Offline door check-in: verify invitation tokens in the browser with WebCrypto Ed25519,
// and typed short codes against the manifest's SHA-256 code digests.
// The page downloads the venue's queue file (public keys, revocation list) while online; after
// that, scans need no network. Every scan is queued in localStorage under its own random id and
// sent to the server by "Sync" when the network returns (the server stores each id once).
// ADMIT names the holder (the browser's manifest has this venue's names); the camera reads QR codes
// with BarcodeDetector or the vendored jsQR; a service worker keeps the page for reloads offline.
(function () {
  "use strict";
  var root = document.getElementById("offline-checkin");
  if (!root || !window.crypto || !window.crypto.subtle) { return; }
  var PAYLOAD = 38, SIGNATURE = 64, CHECK = 4, TOKEN = PAYLOAD + SIGNATURE + CHECK, TEXT = 170;
  var DOMAIN = new TextEncoder().encode("solidarity/invitation/v1\u0000");
  var storeKey = "solidarity-checkin-" + root.getAttribute("data-assembly") + "-" + root.getAttribute("data-venue");
  var input = document.getElementById("offline-token");
  var verdict = document.getElementById("offline-verdict");
  var counter = document.getElementById("offline-pending");
  var state = load();

  function load() {
    try { return JSON.parse(window.localStorage.getItem(storeKey)) || null; } catch (error) { return null; }
  }
  function save() { window.localStorage.setItem(storeKey, JSON.stringify(state)); showPending(); }
  function message(reason) {
    var item = document.querySelector("#reason-messages [data-reason='" + reason + "']");
    return item ? item.textContent : reason;
  }
  // Numbers this script writes follow the page's language, as the server's do: Persian digits
  // on a Persian page.
  var PERSIAN = /^fa\b/.test(document.documentElement.lang || "");
  function digits(number) {
    var text = String(number);
    return PERSIAN ? text.replace(/[0-9]/g, function (d) { return "۰۱۲۳۴۵۶۷۸۹".charAt(Number(d)); }) : text;
  }
  function showPending() {
    if (!state) { counter.textContent = digits(0); return; }
    var synced = state.synced || {};
    counter.textContent = digits(state.queue.filter(function (scan) { return !synced[scan.scan_id]; }).length);
  }
  function hex(bytes) {
    return Array.prototype.map.call(bytes, function (b) { return (b < 16 ? "0" : "") + b.toString(16); }).join("");
  }
  function randomId() { var bytes = new Uint8Array(16); window.crypto.getRandomValues(bytes); return hex(bytes); }
  function base32(text) {
    var alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", bits = 0, value = 0, out = [];
    for (var i = 0; i < text.length; i++) {
      var index = alphabet.indexOf(text[i]);
      if (index < 0) { return null; }
      value = (value << 5) | index; bits += 5;
      if (bits >= 8) { out.push((value >>> (bits - 8)) & 255); bits -= 8; }
    }
    if (bits > 0 && (value & ((1 << bits) - 1)) !== 0) { return null; }  // one spelling per token
    return new Uint8Array(out);
  }
  var table = (function () {
    var t = new Uint32Array(256);
    for (var n = 0; n < 256; n++) { var c = n; for (var k = 0; k < 8; k++) { c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; } t[n] = c >>> 0; }
    return t;
  })();
  function crc32(bytes) {
    var c = 0xffffffff;
    for (var i = 0; i < bytes.length; i++) { c = table[(c ^ bytes[i]) & 255] ^ (c >>> 8); }
    return (c ^ 0xffffffff) >>> 0;
  }
  function b64(text) { var raw = atob(text), out = new Uint8Array(raw.length); for (var i = 0; i < raw.length; i++) { out[i] = raw.charCodeAt(i); } return out; }

  async function check(text) {
    var manifest = state.manifest;
    if (text.length !== TEXT || !/^[A-Z2-7]+$/.test(text)) { return { reason: "malformed" }; }
    var token = base32(text);
    if (!token || token.length !== TOKEN) { return { reason: "malformed" }; }
    var body = token.slice(0, PAYLOAD + SIGNATURE), view = new DataView(token.buffer);
    if (crc32(body) !== view.getUint32(PAYLOAD + SIGNATURE)) { return { reason: "tampered" }; }
    if (view.getUint8(0) !== 1 || view.getUint8(13) < 1 || view.getUint8(13) > 6) { return { reason: "malformed" }; }
    var keyId = view.getUint32(1), assembly = view.getUint32(5), venue = view.getUint32(9);
    var notBefore = view.getUint32(14), notAfter = view.getUint32(18), nonce = hex(token.slice(22, 38));
    var entry = manifest.keys.filter(function (key) { return Number(key.key_id) === keyId; })[0];
    if (!entry) { return { reason: "unknown_key" }; }
    var message = new Uint8Array(DOMAIN.length + PAYLOAD);
    message.set(DOMAIN, 0); message.set(token.slice(0, PAYLOAD), DOMAIN.length);
    var valid = false;
    try {
      var key = await window.crypto.subtle.importKey("raw", b64(entry.public_key), { name: "Ed25519" }, false, ["verify"]);
      valid = await window.crypto.subtle.verify({ name: "Ed25519" }, key, token.slice(PAYLOAD, PAYLOAD + SIGNATURE), message);
    } catch (error) { valid = false; }
    if (!valid) { return { reason: "forged" }; }
    if (assembly !== manifest.assembly_id) { return { reason: "wrong_assembly", nonce: nonce }; }
    if (venue !== manifest.venue_id) { return { reason: "wrong_venue", nonce: nonce }; }
    var now = Math.floor(Date.now() / 1000);
    if (now < notBefore) { return { reason: "not_yet_valid", nonce: nonce }; }
    if (now >= notAfter) { return { reason: "expired", nonce: nonce }; }
    if (manifest.revoked.indexOf(nonce) >= 0) { return { reason: "revoked", nonce: nonce }; }
    if (seen(nonce)) { return { reason: "already_scanned", nonce: nonce }; }
    return { reason: "admitted", nonce: nonce };
  }

  // Short codes: Crockford base32 with a Luhn mod 32 check symbol; the manifest lists only
  // SHA-256 digests of codes, so a lost device does not reveal them.
  var CODE = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  function normalizeCode(text) {
    var cleaned = text.toUpperCase().replace(/[\s-]/g, "").replace(/[IL]/g, "1").replace(/O/g, "0");
    if (cleaned.length !== 16) { return null; }
    for (var i = 0; i < cleaned.length; i++) { if (CODE.indexOf(cleaned[i]) < 0) { return null; } }
    var factor = 2, total = 0;
    for (var j = cleaned.length - 2; j >= 0; j--) {
      var addend = factor * CODE.indexOf(cleaned[j]);
      total += Math.floor(addend / 32) + (addend % 32);
      factor = factor === 2 ? 1 : 2;
    }
    if (CODE[(32 - (total % 32)) % 32] !== cleaned[15]) { return null; }
    return cleaned.match(/.{4}/g).join("-");
  }
  async function checkCode(text) {
    var manifest = state.manifest, code = normalizeCode(text);
    if (!code) { return { reason: "malformed" }; }
    var bytes = new TextEncoder().encode("solidarity/code-digest\u0000" + code);
    var digest = hex(new Uint8Array(await window.crypto.subtle.digest("SHA-256", bytes))).slice(0, 32);
    var entry = manifest.codes[digest];
    if (!entry) { return { reason: "forged" }; }
    var now = Math.floor(Date.now() / 1000), nonce = entry.nonce;
    if (entry.venue_id !== manifest.venue_id) { return { reason: "wrong_venue", nonce: nonce }; }
    if (now < entry.not_before) { return { reason: "not_yet_valid", nonce: nonce }; }
    if (now >= entry.not_after) { return { reason: "expired", nonce: nonce }; }
    if (manifest.revoked.indexOf(nonce) >= 0) { return { reason: "revoked", nonce: nonce }; }
    if (seen(nonce)) { return { reason: "already_scanned", nonce: nonce }; }
    return { reason: "admitted", nonce: nonce };
  }
  function seen(nonce) {
    return state.manifest.admitted.indexOf(nonce) >= 0 || state.queue.some(function (scan) { return scan.outcome === "admitted" && scan.token_nonce === nonce; });
  }

  async function scan(event) {
    event.preventDefault();
    var text = input.value.trim();
    input.value = "";
    if (!text) { return; }
    if (!state) { show("malformed", root.getAttribute("data-no-manifest")); return; }
    var result = text.length === TEXT ? await check(text) : await checkCode(text);
    state.queue.push({
      scan_id: randomId(), device_id: state.device_id, venue_id: state.manifest.venue_id,
      token_nonce: result.nonce || null, scanned_at: Math.floor(Date.now() / 1000), outcome: result.reason
    });
    save();
    show(result.reason, message(result.reason), result.reason === "admitted" ? holder(result.nonce) : null);
    input.focus();
  }
  function process(text) { input.value = text; return scan({ preventDefault: function () {} }); }
  // Who holds an admitted invitation (the browser's manifest carries this venue's names only).
  function holder(nonce) {
    var found = (state.holders || {})[nonce];
    if (!found) { return null; }
    var persian = document.documentElement.lang === "fa";
    var role = document.querySelector("#role-labels [data-role='" + found.role + "']");
    return {
      name: found.name + " (" + found.short_id + ")",
      organization: persian ? found.organization_fa : found.organization_en,
      role: role ? role.textContent : ""
    };
  }
  function show(reason, text, person) {
    verdict.hidden = false;
    verdict.className = "verdict " + (reason === "admitted" ? "verdict-admit" : "verdict-refuse");
    verdict.setAttribute("data-reason", reason);
    verdict.querySelector(".verdict-title").textContent = root.getAttribute(reason === "admitted" ? "data-admit" : "data-refuse");
    verdict.querySelector(".verdict-text").textContent = text;
    var who = verdict.querySelector(".verdict-holder");
    who.hidden = !person;
    who.querySelector(".holder-name").textContent = person ? person.name : "";
    who.querySelector(".holder-organization").textContent = person ? person.organization : "";
    who.querySelector(".holder-role").textContent = person ? person.role : "";
  }
  // A staff session that ended answers with the sign-in page (a redirect) or 403: say so plainly.
  function expired(response) {
    return response.status === 403 || (response.redirected && /sign-in|second-factor/.test(response.url));
  }
  function sayExpired(status) {
    status.textContent = root.getAttribute("data-expired");
    status.className = "session-expired";
  }

  async function download() {
    var response = await fetch(root.getAttribute("data-manifest-url"), { credentials: "same-origin" });
    if (expired(response)) { sayExpired(document.getElementById("offline-sync-status")); throw new Error("expired"); }
    if (!response.ok) { throw new Error("manifest " + response.status); }
    var file = await response.json();
    var previous = state;
    state = {
      device_id: previous ? previous.device_id : file.device_id, manifest: file.manifest, holders: file.holders || {},
      queue: previous ? previous.queue : [], synced: previous ? previous.synced || {} : {}
    };
    save();
    document.getElementById("offline-ready").hidden = false;
  }

  async function sync() {
    var synced = state.synced || {};
    var pending = state.queue.filter(function (scan) { return !synced[scan.scan_id]; });
    var token = document.querySelector("input[name=csrfmiddlewaretoken]").value;
    var status = document.getElementById("offline-sync-status");
    try {
      var response = await fetch(root.getAttribute("data-sync-url"), {
        method: "POST", credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRFToken": token },
        body: JSON.stringify({ device_id: state.device_id, scans: pending })
      });
      if (expired(response)) { sayExpired(status); return; }
      if (!response.ok) { throw new Error(String(response.status)); }
      var result = await response.json();
      pending.forEach(function (scan) { synced[scan.scan_id] = true; });
      state.synced = synced;
      save();
      status.className = "";
      status.textContent = root.getAttribute("data-synced").replace("%(stored)s", digits(result.stored)).replace("%(duplicates)s", digits(result.duplicates));
      var aside = document.getElementById("offline-set-aside");
      aside.textContent = "";
      (result.set_aside || []).forEach(function (item) {
        var line = document.createElement("li");
        line.textContent = digits(item.count) + " × " + item.message;
        aside.appendChild(line);
      });
    } catch (error) {
      status.className = "";
      status.textContent = root.getAttribute(navigator.onLine ? "data-sync-failed" : "data-offline");
    }
  }

  // The camera: the browser's BarcodeDetector where there is one, else the vendored jsQR decoder.
  var camera = { stream: null, last: "", lastAt: 0, detector: null };
  async function startCamera() {
    var video = document.getElementById("camera-video"), note = document.getElementById("camera-status");
    try {
      camera.stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false });
    } catch (error) { note.textContent = root.getAttribute("data-no-camera"); return; }
    if ("BarcodeDetector" in window) {
      try { camera.detector = new window.BarcodeDetector({ formats: ["qr_code"] }); } catch (error) { camera.detector = null; }
    }
    video.srcObject = camera.stream;
    video.hidden = false;
    await video.play();
    note.textContent = root.getAttribute("data-camera-on");
    document.getElementById("camera-start").hidden = true;
    document.getElementById("camera-stop").hidden = false;
    setTimeout(look, 200);
  }
  function stopCamera() {
    if (camera.stream) { camera.stream.getTracks().forEach(function (track) { track.stop(); }); }
    camera.stream = null;
    document.getElementById("camera-video").hidden = true;
    document.getElementById("camera-start").hidden = false;
    document.getElementById("camera-stop").hidden = true;
  }
  async function look() {
    if (!camera.stream) { return; }
    var video = document.getElementById("camera-video"), text = null;
    try {
      if (camera.detector) {
        var found = await camera.detector.detect(video);
        text = found.length ? found[0].rawValue : null;
      } else if (window.jsQR && video.videoWidth) {
        var canvas = document.getElementById("camera-canvas");
        canvas.width = video.videoWidth; canvas.height = video.videoHeight;
        var context = canvas.getContext("2d", { willReadFrequently: true });
        context.drawImage(video, 0, 0);
        var image = context.getImageData(0, 0, canvas.width, canvas.height);
        var code = window.jsQR(image.data, image.width, image.height, { inversionAttempts: "dontInvert" });
        text = code ? code.data : null;
      }
    } catch (error) { text = null; }
    var now = Date.now();
    // The same code in front of the camera is read once, not once a frame.
    if (text && (text !== camera.last || now - camera.lastAt > 5000)) {
      camera.last = text; camera.lastAt = now;
      await process(text.trim().toUpperCase());
    }
    setTimeout(look, 250);
  }
  if (navigator.mediaDevices && navigator.mediaDevices.getUserMedia) {
    document.getElementById("camera").hidden = false;
    document.getElementById("camera-start").addEventListener("click", function () { startCamera(); });
    document.getElementById("camera-stop").addEventListener("click", stopCamera);
  }

  // A service worker keeps this page and its scripts, so a reload with no network still opens it.
  if ("serviceWorker" in navigator && root.getAttribute("data-sw-url")) {
    navigator.serviceWorker.register(root.getAttribute("data-sw-url"), { scope: root.getAttribute("data-sw-scope") })
      .catch(function () {});
    // Keep this page and its files now, while online: the worker answers from this copy offline.
    if (navigator.onLine && window.caches) {
      var files = [window.location.pathname];
      document.querySelectorAll("script[src], link[rel=stylesheet]").forEach(function (node) {
        files.push(node.getAttribute("src") || node.getAttribute("href"));
      });
      // addAll keeps all or nothing: one request that fails (a dropped connection, a busy server)
      // would leave the door without its offline copy, so it tries again, a few times, further apart.
      var keep = function (attempt) {
        window.caches.open("solidarity-door-v1").then(function (cache) { return cache.addAll(files); }).catch(function () {
          if (attempt < 5 && navigator.onLine) { window.setTimeout(function () { keep(attempt + 1); }, 2000 * attempt); }
        });
      };
      keep(1);
    }
  }
  window.addEventListener("offline", function () { document.getElementById("network-state").textContent = root.getAttribute("data-offline"); });
  window.addEventListener("online", function () { document.getElementById("network-state").textContent = ""; });
  if (!navigator.onLine) { document.getElementById("network-state").textContent = root.getAttribute("data-offline"); }

  root.hidden = false;
  document.getElementById("offline-form").addEventListener("submit", scan);
  document.getElementById("offline-sync").addEventListener("click", sync);
  document.getElementById("offline-download").addEventListener("click", function () { download().catch(function () {}); });
  showPending();
  if (navigator.onLine) { download().catch(function () {}); } else if (state) { document.getElementById("offline-ready").hidden = false; }
})();
