// The voting booth. It fetches the frozen definition, hashes it and shows the hash (compare it with
// the one published before voting), and takes every key from those hashed bytes, never from the
// page. It makes the voter's own Ed25519 key pair, gets a blind signature on its public key (the
// credential) with a pass request signed by the delegate's voting key (voting-key.js), and with
// the same key signs the cast declaration that goes with the first ballot (it names no ballot: the
// box must hold as many ballots as declarations). It seals the ballot, signs (definition hash, ciphertext) with the voter's key and
// shows the tracking code before the voter chooses: cast it, or audit it (the booth reveals the
// sealing secret so any other device can check the ballot, which is then discarded).
// Uses the vendored @cloudflare/blindrsa-ts (RFC 9474, RSABSSA-SHA384-PSS-Randomized) and
// libsodium-wrappers (edwards25519 group operations for ElGamal, Ed25519, BLAKE2b). The cast
// request carries no cookie (credentials: "omit").
(function () {
  "use strict";
  const booth = document.getElementById("booth");
  if (!booth || !globalThis.SolidarityVoteCrypto) return;
  const { RSABSSA, sodium } = globalThis.SolidarityVoteCrypto;
  const votingKey = globalThis.SolidarityVotingKey;
  const $ = (id) => document.getElementById(id);
  const texts = booth.querySelector(".booth-messages").dataset;
  const status = $("booth-status");
  const storageKey = "solidarity-voting-pass:" + booth.dataset.slug;
  const encoder = new TextEncoder();
  const BALLOT_DOMAIN = encoder.encode("solidarity-ballot/2\u0000");
  const TRACKING_DOMAIN = encoder.encode("solidarity-tracking/2\u0000");
  const SEAL_DOMAIN = encoder.encode("solidarity-seal/1\u0000");
  const DATA_BYTES = 29; // bytes of ballot per group element (solidarity/elections/threshold.py: embed)
  let definitionHash = "";
  let keys = null;
  let layout = null; // the rule and the candidate ids in the hashed definition's order
  let electorKey = null; // the voting key the hashed definition lists for this elector (base64), or null
  let sealed = null; // the ballot sealed and waiting for "cast" or "audit"

  const fromBase64 = (text) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  const toBase64 = (bytes) => btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join(""));
  const toHex = (bytes) => Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  const fromHex = (text) => Uint8Array.from(text.match(/../g) || [], (pair) => parseInt(pair, 16));
  const concat = (...parts) => {
    const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
    let offset = 0;
    for (const part of parts) { out.set(part, offset); offset += part.length; }
    return out;
  };
  const sha256 = async (bytes) => new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  const say = (text) => { status.textContent = text; };
  const fail = (error) => { say(texts.error + " " + (error && error.message ? error.message : error)); };

  // Fetch the definition, hash its exact bytes, and take the keys from it.
  async function loadDefinition() {
    const response = await fetch(booth.dataset.definitionUrl, { credentials: "omit" });
    const bytes = new Uint8Array(await response.arrayBuffer());
    definitionHash = toHex(await sha256(bytes));
    $("definition-hash").textContent = definitionHash;
    if (definitionHash !== booth.dataset.definitionHash) throw new Error(texts.mismatch);
    const definition = JSON.parse(new TextDecoder().decode(bytes));
    keys = definition.keys;
    layout = {
      rule: definition.rule,
      candidates: definition.candidates.map((entry) => entry.id),
      format: definition.ballot_format,
    };
    const elector = definition.electorate.find((entry) => entry.id === booth.dataset.elector);
    electorKey = elector ? elector.key : null;
  }

  function showPass(pass) {
    $("pass-value").value = pass;
    $("booth-pass").hidden = false;
    $("ballot").hidden = false;
    say(texts.ready);
  }

  // A voting pass: credential . its signature . the voter's Ed25519 secret key . elector id . the
  // elector's cast declaration (base64 each but the elector id).
  function readPass() {
    const typed = $("pass-input").value.trim();
    const pass = typed || localStorage.getItem(storageKey) || $("pass-value").value || "";
    const parts = pass.split(".");
    if (parts.length !== 5) throw new Error(texts.nopass);
    const credential = fromBase64(parts[0]);
    const secretKey = fromBase64(parts[2]);
    const declaration = fromBase64(parts[4]);
    if (credential.length !== 64 || secretKey.length !== 64 || declaration.length !== 64 ||
        toHex(credential.subarray(32)) !== toHex(secretKey.subarray(32))) throw new Error(texts.nopass);
    return { credential, signature: fromBase64(parts[1]), secretKey, elector: parts[3], declaration, text: pass };
  }

  // The voting key from the code kept in this browser, or typed from the voter's paper; it must be
  // the key the hashed definition lists for this elector.
  function readVotingKey() {
    const typed = votingKey.normalize($("code-input").value);
    const code = typed || votingKey.stored();
    const pair = code ? votingKey.keyPair(code) : null;
    if (!pair || toBase64(pair.publicKey) !== electorKey) {
      $("booth-code").hidden = false; // a kept code that is not this election's: ask for the paper
      throw new Error(texts.nocode);
    }
    if (typed && $("keep-code").checked) votingKey.keep(typed);
    return pair;
  }

  async function getPass() {
    const voterPair = readVotingKey();
    say(texts.working);
    const suite = RSABSSA.SHA384.PSS.Randomized();
    const publicKey = await crypto.subtle.importKey(
      "spki", fromBase64(keys.blind_signing), { name: "RSA-PSS", hash: "SHA-384" }, true, ["verify"]);
    const voterKey = sodium.crypto_sign_keypair();
    const credential = suite.prepare(voterKey.publicKey);
    const { blindedMsg, inv } = await suite.blind(publicKey, credential);
    const response = await fetch(booth.dataset.signUrl, {
      method: "POST",
      credentials: "same-origin",
      // With the site's no-referrer policy a same-origin POST would carry "Origin: null", which
      // Django's CSRF check refuses; "same-origin" sends the origin to this host only.
      referrerPolicy: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": booth.dataset.csrf },
      body: JSON.stringify({
        blinded_message: toBase64(blindedMsg),
        voter_signature: toBase64(votingKey.signRequest(voterPair, definitionHash, blindedMsg)),
      }),
    });
    const answer = await response.json();
    if (!response.ok) throw new Error(answer.error || response.status);
    // finalize checks the unblinded signature with the key from the hashed definition.
    const signature = await suite.finalize(publicKey, credential, fromBase64(answer.blind_signature), inv);
    const declaration = votingKey.signDeclaration(voterPair, definitionHash);
    const pass = [toBase64(credential), toBase64(signature), toBase64(voterKey.privateKey), answer.elector,
      toBase64(declaration)].join(".");
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

  // The compact ballot (docs/elections.md, "Ballots and the spoilt-ballot rule"): a kind byte
  // (1 ranking, 2 approval, 3 motion), a count byte, one byte per entry (the candidate's index in
  // the hashed definition's order; a motion's choice 0 yes, 1 no, 2 abstain), then zero bytes up to
  // 29 × points − 2 bytes, points = ceil((4 + slots) / 29) with one slot per candidate (one for a
  // motion): every ballot of the election is a row of the same width, which the shuffle needs.
  const CHOICES = ["yes", "no", "abstain"];
  function encodeBallot(content) {
    const motion = layout.rule === "motion";
    const slots = motion ? 1 : layout.candidates.length;
    const points = Math.ceil((4 + slots) / DATA_BYTES);
    // The hashed definition names the encoding and the width: a booth that would write another refuses.
    const format = layout.format || {};
    if (format.encoding !== "solidarity-ballot-bytes/1" || format.points !== points) {
      throw new Error(texts.mismatch);
    }
    let kind = 2;
    let entries = [];
    if (motion) {
      kind = 3;
      entries = content.choice ? [CHOICES.indexOf(content.choice)] : [];
    } else {
      const names = layout.rule === "scottish-stv" ? content.ranking : content.approve;
      if (layout.rule === "scottish-stv") kind = 1;
      entries = names.map((id) => layout.candidates.indexOf(id));
      if (kind === 2) entries.sort((a, b) => a - b); // an approval is a set: increasing indexes
    }
    if (entries.some((index) => index < 0 || index > 254) || entries.length > slots) throw new Error(texts.error);
    const out = new Uint8Array(points * DATA_BYTES - 2);
    out.set([kind, entries.length, ...entries]);
    return out;
  }

  // Embed bytes in group elements (docs/elections.md, "Sealed ballots"): a 2-byte big-endian
  // length, then 29-byte chunks; each chunk, a 2-byte little-endian counter and a zero byte make a
  // point, the first counter that gives a valid point of the prime-order group.
  function embed(data) {
    const payload = concat(Uint8Array.of(data.length >> 8, data.length & 255), data);
    const points = [];
    for (let start = 0; start < payload.length; start += DATA_BYTES) {
      const candidate = new Uint8Array(32);
      candidate.set(payload.subarray(start, start + DATA_BYTES));
      let counter = 0;
      for (; counter < 0x10000; counter += 1) {
        candidate[29] = counter & 255;
        candidate[30] = counter >> 8;
        if (sodium.crypto_core_ed25519_is_valid_point(candidate)) break;
      }
      if (counter === 0x10000) throw new Error(texts.error);
      points.push(candidate.slice());
    }
    return points;
  }

  // ElGamal of each point to the election key Y: (r·G, M + r·Y), r derived from one 32-byte
  // sealing secret, so that the secret can be revealed if the voter audits the ballot.
  function seal(plaintext, publicKey) {
    const secret = sodium.randombytes_buf(32);
    const parts = embed(plaintext).map((point, index) => {
      const r = sodium.crypto_core_ed25519_scalar_reduce(
        sodium.crypto_generichash(64, concat(SEAL_DOMAIN, secret, Uint8Array.of(index >> 8, index & 255))));
      return concat(
        sodium.crypto_scalarmult_ed25519_base_noclamp(r),
        sodium.crypto_core_ed25519_add(point, sodium.crypto_scalarmult_ed25519_noclamp(r, publicKey)));
    });
    return { ciphertext: concat(...parts), ephemeral: secret };
  }

  async function sealBallot(event) {
    event.preventDefault();
    const pass = readPass();
    const content = ballotContent(event.target);
    const { ciphertext, ephemeral } = seal(encodeBallot(content), fromBase64(keys.ballot));
    const ballotSignature = sodium.crypto_sign_detached(
      concat(BALLOT_DOMAIN, fromHex(definitionHash), ciphertext), pass.secretKey);
    const tracking = toHex(await sha256(concat(TRACKING_DOMAIN, pass.credential, ciphertext)));
    sealed = { pass, content, ciphertext, ephemeral, ballotSignature, tracking };
    $("sealed-tracking").textContent = tracking;
    $("booth-sealed").hidden = false;
    $("booth-audit").hidden = true;
    say(texts.sealed);
  }

  async function castSealed() {
    if (!sealed) return;
    const { pass, ciphertext, ballotSignature, tracking } = sealed;
    // Keys in sorted order and base64 values: JSON.stringify writes the canonical JSON the endpoint requires.
    const body = JSON.stringify({
      ballot_signature: toBase64(ballotSignature),
      ciphertext: toBase64(ciphertext),
      credential: toBase64(pass.credential),
      credential_signature: toBase64(pass.signature),
      declaration: toBase64(pass.declaration),
      elector: pass.elector,
    });
    const response = await fetch(booth.dataset.castUrl, {
      method: "POST",
      credentials: "omit",
      headers: { "Content-Type": "application/json" },
      body,
    });
    const answer = await response.json();
    if (!response.ok) throw new Error(answer.error || response.status);
    if (answer.tracking !== tracking) throw new Error(texts.mismatch);
    sealed = null;
    $("booth-sealed").hidden = true;
    $("receipt-value").textContent = tracking;
    $("booth-receipt").hidden = false;
    if ($("keep-pass").checked) {
      localStorage.setItem(storageKey, pass.text);
      say(texts.sent);
    } else {
      localStorage.removeItem(storageKey);
      $("pass-value").value = "";
      $("pass-input").value = "";
      $("booth-pass").hidden = true;
      say(texts.sentCleared);
    }
  }

  function auditSealed() {
    if (!sealed) return;
    const audit = {
      ballot: sealed.content,
      ballot_key: keys.ballot,
      ciphertext: toBase64(sealed.ciphertext),
      definition_hash: definitionHash,
      sealing_secret: toBase64(sealed.ephemeral),
      tracking: sealed.tracking,
    };
    sealed = null;
    $("booth-sealed").hidden = true;
    $("audit-value").value = JSON.stringify(audit);
    $("booth-audit").hidden = false;
    say(texts.audited);
  }

  sodium.ready.then(loadDefinition).then(() => {
    const stored = localStorage.getItem(storageKey);
    if (stored) {
      showPass(stored);
    } else if (booth.dataset.hasSignature === "1") {
      $("pass-input-label").hidden = false;
      $("ballot").hidden = false;
      say(texts.already);
    } else if (booth.dataset.hasKey === "1" && electorKey) {
      $("booth-code").hidden = Boolean(votingKey.stored());
      $("get-pass").hidden = false;
      $("get-pass").addEventListener("click", () => getPass().catch(fail));
    }
    $("ballot").addEventListener("submit", (event) => sealBallot(event).catch(fail));
    $("cast-sealed").addEventListener("click", () => castSealed().catch(fail));
    $("audit-sealed").addEventListener("click", auditSealed);
  }).catch(fail);
})();
