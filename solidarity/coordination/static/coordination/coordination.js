/* Coordination in the browser: partially blind RSA (RSAPBSSA-SHA384-PSS-Randomized, draft-amjad-cfrg-
   partially-blind-rsa) for pledging, batch printing of tokens, and the offline code-word check.
   Written for this project over BigInt and SubtleCrypto; no third-party code, no inline script.
   The token never leaves this page unless the person asks; nothing is stored on the device. */
(function () {
  'use strict';
  var subtle = window.crypto && window.crypto.subtle;
  var enc = new TextEncoder();

  function concat(parts) {
    var length = parts.reduce(function (sum, part) { return sum + part.length; }, 0);
    var out = new Uint8Array(length);
    var offset = 0;
    parts.forEach(function (part) { out.set(part, offset); offset += part.length; });
    return out;
  }
  function b64(bytes) {
    var text = '';
    bytes.forEach(function (b) { text += String.fromCharCode(b); });
    return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }
  function unb64(text) {
    text = text.replace(/-/g, '+').replace(/_/g, '/');
    while (text.length % 4) { text += '='; }
    var raw = atob(text);
    var out = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) { out[i] = raw.charCodeAt(i); }
    return out;
  }
  function hex(bytes) {
    return Array.prototype.map.call(bytes, function (b) { return b.toString(16).padStart(2, '0'); }).join('');
  }
  function toBig(bytes) { return bytes.length ? BigInt('0x' + hex(bytes)) : 0n; }
  function toBytes(value, length) {
    var text = value.toString(16).padStart(length * 2, '0');
    var out = new Uint8Array(length);
    for (var i = 0; i < length; i++) { out[i] = parseInt(text.substr(i * 2, 2), 16); }
    return out;
  }
  function bitLength(value) { return value.toString(2).length; }
  function modPow(base, exponent, modulus) {
    var result = 1n;
    base %= modulus;
    while (exponent > 0n) {
      if (exponent & 1n) { result = (result * base) % modulus; }
      base = (base * base) % modulus;
      exponent >>= 1n;
    }
    return result;
  }
  function modInverse(a, n) {
    var t = 0n, newT = 1n, r = n, newR = a % n;
    while (newR !== 0n) {
      var q = r / newR;
      var tmp = t - q * newT; t = newT; newT = tmp;
      tmp = r - q * newR; r = newR; newR = tmp;
    }
    if (r !== 1n) { throw new Error('not invertible'); }
    return t < 0n ? t + n : t;
  }
  async function digest(name, data) { return new Uint8Array(await subtle.digest(name, data)); }
  async function mgf1(seed, length) {
    var out = [];
    var total = 0;
    for (var counter = 0; total < length; counter++) {
      var block = await digest('SHA-384', concat([seed, toBytes(BigInt(counter), 4)]));
      out.push(block); total += block.length;
    }
    return concat(out).slice(0, length);
  }
  async function pssEncode(message, emBits, salt) {
    var hLen = 48;
    var emLen = Math.ceil(emBits / 8);
    var mHash = await digest('SHA-384', message);
    var h = await digest('SHA-384', concat([new Uint8Array(8), mHash, salt]));
    var db = concat([new Uint8Array(emLen - salt.length - hLen - 2), new Uint8Array([1]), salt]);
    var mask = await mgf1(h, emLen - hLen - 1);
    var masked = db.map(function (b, i) { return b ^ mask[i]; });
    masked[0] &= 0xff >> (8 * emLen - emBits);
    return concat([masked, h, new Uint8Array([0xbc])]);
  }
  async function derivedExponent(n, info) {
    var kLen = Math.ceil(bitLength(n) / 8);
    var lambda = Math.floor(kLen / 2);
    var key = await subtle.importKey('raw', concat([enc.encode('key'), info, new Uint8Array([0])]), 'HKDF', false, ['deriveBits']);
    var bits = await subtle.deriveBits(
      { name: 'HKDF', hash: 'SHA-384', salt: toBytes(n, kLen), info: enc.encode('PBRSA') }, key, (lambda + 16) * 8);
    var expanded = new Uint8Array(bits);
    expanded[0] &= 0x3f;
    expanded[lambda - 1] |= 0x01;
    return toBig(expanded.slice(0, lambda));
  }
  function messagePrime(prepared, info) {
    return concat([enc.encode('msg'), toBytes(BigInt(info.length), 4), info, prepared]);
  }
  async function blind(n, prepared, info) {
    var kLen = Math.ceil(bitLength(n) / 8);
    var salt = crypto.getRandomValues(new Uint8Array(48));
    var m = toBig(await pssEncode(messagePrime(prepared, info), bitLength(n) - 1, salt));
    var e = await derivedExponent(n, info);
    var r, inverse;
    for (;;) {
      r = toBig(crypto.getRandomValues(new Uint8Array(kLen))) % n;
      try { inverse = modInverse(r, n); break; } catch (error) { /* draw again */ }
    }
    return { blinded: toBytes((m * modPow(r, e, n)) % n, kLen), inverse: inverse, m: m, e: e, kLen: kLen };
  }
  function finalize(n, state, blindSignature) {
    var s = (toBig(blindSignature) * state.inverse) % n;
    if (modPow(s, state.e, n) !== state.m) { throw new Error('invalid signature'); }
    return toBytes(s, state.kLen);
  }
  async function postJSON(url, body) {
    var response = await fetch(url, {
      method: 'POST', credentials: 'omit', cache: 'no-store',
      headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body)
    });
    var data = await response.json();
    if (!response.ok) { throw new Error(data.error || String(response.status)); }
    return data;
  }
  function normalizePhrase(text) { return text.toUpperCase().replace(/[^A-Z2-7]/g, ''); }
  async function preparedFrom(slug, phrase) {
    if (!phrase) { return crypto.getRandomValues(new Uint8Array(64)); }
    return digest('SHA-512', enc.encode('solidarity-phrase/1|' + slug + '|' + normalizePhrase(phrase)));
  }
  function newPhrase() {
    var alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
    var bytes = crypto.getRandomValues(new Uint8Array(20));
    var chars = Array.prototype.map.call(bytes, function (b) { return alphabet[b & 31]; }).join('');
    return chars.match(/.{4}/g).join('-');
  }
  async function nullifier(prepared) {
    return hex(await digest('SHA-256', concat([enc.encode('solidarity-nullifier/1|'), prepared])));
  }
  async function makeToken(base, code, prepared) {
    var info = unb64((await postJSON(base + 'code.json', { code: code })).info);
    var n = BigInt('0x' + document.getElementById('coordination').dataset.n);
    var state = await blind(n, prepared, info);
    var answer = await postJSON(base + 'sign.json', { code: code, blinded_message: b64(state.blinded) });
    return { info: info, prepared: prepared, signature: finalize(n, state, unb64(answer.blind_signature)) };
  }
  function show(id, text) {
    var node = document.getElementById(id);
    if (node) { node.textContent = text; node.hidden = false; }
  }

  function pledgePage(root) {
    var base = root.dataset.base;
    var slug = root.dataset.slug;
    var token = null;
    var phraseBox = document.getElementById('phrase-new');
    document.getElementById('js-pledge').hidden = false;
    document.getElementById('phrase-make').addEventListener('click', function () {
      phraseBox.value = newPhrase();
    });
    document.getElementById('token-form').addEventListener('submit', async function (event) {
      event.preventDefault();
      show('js-status', root.dataset.msgWorking);
      try {
        var prepared = await preparedFrom(slug, phraseBox.value);
        token = await makeToken(base, document.getElementById('code-input').value, prepared);
        await postJSON(base + 'pledge.json', { info: b64(token.info), token: b64(token.prepared), signature: b64(token.signature) });
        show('js-status', root.dataset.msgCounted);
        document.getElementById('withdraw-now').hidden = false;
      } catch (error) { show('js-status', root.dataset.msgRefused); }
    });
    document.getElementById('withdraw-now').addEventListener('click', async function () {
      try {
        await postJSON(base + 'withdraw.json', { token: b64(token.prepared) });
        show('js-status', root.dataset.msgWithdrawn);
      } catch (error) { show('js-status', root.dataset.msgRefused); }
    });
    document.getElementById('phrase-form').addEventListener('submit', async function (event) {
      event.preventDefault();
      var prepared = await preparedFrom(slug, document.getElementById('phrase-check').value);
      var action = event.submitter && event.submitter.value === 'withdraw' ? 'withdraw' : 'check';
      try {
        if (action === 'withdraw') {
          await postJSON(base + 'withdraw.json', { token: b64(prepared) });
          show('phrase-status', root.dataset.msgWithdrawn);
        } else {
          var answer = await postJSON(base + 'status.json', { token_hash: await nullifier(prepared) });
          show('phrase-status', root.dataset['msgStatus' + answer.status.charAt(0).toUpperCase() + answer.status.slice(1)]);
        }
      } catch (error) { show('phrase-status', root.dataset.msgRefused); }
    });
  }

  function batchPage(root) {
    var base = root.dataset.base;
    document.getElementById('js-batch').hidden = false;
    document.getElementById('batch-form').addEventListener('submit', async function (event) {
      event.preventDefault();
      var list = document.getElementById('batch-tokens');
      list.textContent = '';
      var codes = document.getElementById('batch-codes').value.split(/\s+/).filter(Boolean);
      var made = 0;
      for (var i = 0; i < codes.length; i++) {
        try {
          var token = await makeToken(base, codes[i], crypto.getRandomValues(new Uint8Array(64)));
          var item = document.createElement('li');
          item.className = 'token-card';
          item.textContent = b64(token.info) + '.' + b64(token.prepared) + '.' + b64(token.signature);
          list.appendChild(item);
          made++;
        } catch (error) { /* a used or mistyped code: skipped, counted below */ }
      }
      show('batch-status', root.dataset.msgMade.replace('%s', String(made)).replace('%t', String(codes.length)));
    });
  }

  var LETTERS = { 'ي': 'ی', 'ى': 'ی', 'ئ': 'ی', 'ك': 'ک', 'ة': 'ه', 'ۀ': 'ه', 'أ': 'ا', 'إ': 'ا', 'ٱ': 'ا', 'ؤ': 'و' };
  function foldWord(text) {
    text = text.normalize('NFKC').replace(/[\u200b-\u200f\u202a-\u202e\u2066-\u2069\u0640\ufeff]/g, '');
    text = text.replace(/[يىئكةۀأإٱؤ]/g, function (c) { return LETTERS[c]; });
    text = text.replace(/[۰-۹]/g, function (c) { return String(c.charCodeAt(0) - 0x06f0); });
    text = text.replace(/[٠-٩]/g, function (c) { return String(c.charCodeAt(0) - 0x0660); });
    text = text.replace(/[\u064b-\u065f\u0670]/g, '');
    text = text.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '');
    return text.replace(/\s+/g, ' ').trim();
  }
  function checkWordPage(root) {
    var form = document.getElementById('word-form');
    form.addEventListener('submit', async function (event) {
      event.preventDefault();
      var kind = form.elements.kind.value;
      var key = await subtle.importKey('raw', enc.encode(foldWord(form.elements.word.value)), 'PBKDF2', false, ['deriveBits']);
      var bits = await subtle.deriveBits({
        name: 'PBKDF2', hash: 'SHA-256', iterations: Number(root.dataset.iterations),
        salt: enc.encode('solidarity-code-word/1|' + root.dataset.slug + '|' + kind)
      }, key, 256);
      var ok = hex(new Uint8Array(bits)) === root.dataset[kind];
      show('word-verdict', ok ? root.dataset.msgMatch : root.dataset.msgNoMatch);
      document.getElementById('word-verdict').className = ok ? 'verdict verdict-true' : 'verdict verdict-false';
    });
  }

  var root = document.getElementById('coordination');
  if (!root || !subtle || typeof BigInt === 'undefined') { return; }
  if (root.dataset.page === 'pledge') { pledgePage(root); }
  if (root.dataset.page === 'batch') { batchPage(root); }
  if (root.dataset.page === 'check-word') { checkWordPage(root); }
  window.SolidarityPBRSA = { blind: blind, finalize: finalize, derivedExponent: derivedExponent };
}());
