// The voting booth: get a blind signature on a random token, then seal and cast the ballot.
// Uses the vendored @cloudflare/blindrsa-ts (RFC 9474, RSABSSA-SHA384-PSS-Randomized) and
// libsodium-wrappers (crypto_box_seal). The cast request carries no cookie (credentials: "omit").
(function () {
  "use strict";
  const booth = document.getElementById("booth");
  if (!booth || !globalThis.SolidarityVoteCrypto) return;
  const { RSABSSA, sodium } = globalThis.SolidarityVoteCrypto;
  const $ = (id) => document.getElementById(id);
  const texts = booth.querySelector(".booth-messages").dataset;
  const status = $("booth-status");
  const storageKey = "solidarity-voting-pass:" + booth.dataset.slug;
  const PAD_BLOCK = 512;

  const fromBase64 = (text) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  const toBase64 = (bytes) => btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join(""));
  const say = (text) => { status.textContent = text; };
  const fail = (error) => { say(texts.error + " " + (error && error.message ? error.message : error)); };

  function showPass(pass) {
    $("pass-value").value = pass;
    $("booth-pass").hidden = false;
    $("ballot").hidden = false;
    say(texts.ready);
  }

  function readPass() {
    const typed = $("pass-input").value.trim();
    const pass = typed || localStorage.getItem(storageKey) || "";
    const parts = pass.split(".");
    if (parts.length !== 2) throw new Error("voting pass");
    return { token: fromBase64(parts[0]), signature: fromBase64(parts[1]) };
  }

  async function getPass() {
    say(texts.working);
    const suite = RSABSSA.SHA384.PSS.Randomized();
    const publicKey = await crypto.subtle.importKey(
      "spki", fromBase64(booth.dataset.blindKey), { name: "RSA-PSS", hash: "SHA-384" }, true, ["verify"]);
    const message = crypto.getRandomValues(new Uint8Array(32));
    const token = suite.prepare(message);
    const { blindedMsg, inv } = await suite.blind(publicKey, token);
    const response = await fetch(booth.dataset.signUrl, {
      method: "POST",
      credentials: "same-origin",
      // With the site's no-referrer policy a same-origin POST would carry "Origin: null", which
      // Django's CSRF check refuses; "same-origin" sends the origin to this host only.
      referrerPolicy: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": booth.dataset.csrf },
      body: JSON.stringify({ blinded_message: toBase64(blindedMsg) }),
    });
    const answer = await response.json();
    if (!response.ok) throw new Error(answer.error || response.status);
    const signature = await suite.finalize(publicKey, token, fromBase64(answer.blind_signature), inv);
    const pass = toBase64(token) + "." + toBase64(signature);
    localStorage.setItem(storageKey, pass);
    $("get-pass").hidden = true;
    showPass(pass);
  }

  function ballotContent(form) {
    const rule = booth.dataset.rule;
    if (rule === "motion") {
      const chosen = form.querySelector("input[name=choice]:checked");
      return { choice: chosen ? chosen.value : "" };
    }
    if (rule === "scottish-stv") {
      const ranked = Array.from(form.querySelectorAll("input[name=rank]"))
        .filter((input) => input.value !== "")
        .map((input) => [Number(input.value), input.dataset.candidate])
        .sort((a, b) => a[0] - b[0]);
      return { ranking: ranked.map((pair) => pair[1]) };
    }
    return { approve: Array.from(form.querySelectorAll("input[name=approve]:checked"), (input) => input.value) };
  }

  function padded(content) {
    const bytes = new TextEncoder().encode(JSON.stringify(content));
    const length = (Math.floor(bytes.length / PAD_BLOCK) + 1) * PAD_BLOCK;
    const out = new Uint8Array(length).fill(0x20);
    out.set(bytes);
    return out;
  }

  async function castBallot(event) {
    event.preventDefault();
    const { token, signature } = readPass();
    const sealed = sodium.crypto_box_seal(padded(ballotContent(event.target)), fromBase64(booth.dataset.ballotKey));
    const response = await fetch(booth.dataset.castUrl, {
      method: "POST",
      credentials: "omit",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ token: toBase64(token), signature: toBase64(signature), ciphertext: toBase64(sealed) }),
    });
    const answer = await response.json();
    if (!response.ok) throw new Error(answer.error || response.status);
    $("receipt-value").textContent = answer.receipt;
    $("booth-receipt").hidden = false;
    say(texts.sent);
  }

  sodium.ready.then(() => {
    const stored = localStorage.getItem(storageKey);
    if (stored) {
      showPass(stored);
    } else if (booth.dataset.hasSignature === "1") {
      $("pass-input-label").hidden = false;
      $("ballot").hidden = false;
      say(texts.already);
    } else {
      $("get-pass").hidden = false;
      $("get-pass").addEventListener("click", () => getPass().catch(fail));
    }
    $("ballot").addEventListener("submit", (event) => castBallot(event).catch(fail));
  }, fail);
})();
