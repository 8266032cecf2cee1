// The delegate's voting key, as solidarity/elections/voting_key.py makes it (docs/elections.md,
// "Voting keys"): a voting code of 31 symbols of Crockford's base32 and a Luhn mod 32 check symbol;
// seed = SHA-512("solidarity-voting-key/1\0" ‖ the 32 symbols in ASCII)[:32]; the Ed25519 key pair
// is libsodium's crypto_sign_seed_keypair(seed). A pass request is signed over
// "solidarity-pass-request/1\0" ‖ definition hash (32 bytes) ‖ blinded message; the cast
// declaration over "solidarity-cast-declaration/1\0" ‖ definition hash (32 bytes).
(function () {
  "use strict";
  if (!globalThis.SolidarityVoteCrypto) return;
  const { sodium } = globalThis.SolidarityVoteCrypto;
  const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  const ALIASES = { I: "1", L: "1", O: "0" };
  const DATA_SYMBOLS = 31;
  const encoder = new TextEncoder();
  const KEY_DOMAIN = encoder.encode("solidarity-voting-key/1\u0000");
  const REQUEST_DOMAIN = encoder.encode("solidarity-pass-request/1\u0000");
  const DECLARATION_DOMAIN = encoder.encode("solidarity-cast-declaration/1\u0000");
  const STORAGE_KEY = "solidarity-voting-code";
  const concat = (...parts) => {
    const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
    let offset = 0;
    for (const part of parts) { out.set(part, offset); offset += part.length; }
    return out;
  };
  const grouped = (symbols) => symbols.match(/.{1,4}/g).join("-");

  // solidarity/assemblies/invitations.py: check_symbol.
  function checkSymbol(symbols) {
    let factor = 2, total = 0;
    for (let index = symbols.length - 1; index >= 0; index -= 1) {
      const addend = factor * ALPHABET.indexOf(symbols[index]);
      total += Math.floor(addend / 32) + (addend % 32);
      factor = factor === 2 ? 1 : 2;
    }
    return ALPHABET[(32 - (total % 32)) % 32];
  }

  function normalize(text) {
    const cleaned = Array.from(String(text || "").toUpperCase().replace(/[\s-]/g, ""),
      (c) => ALIASES[c] || c).join("");
    if (cleaned.length !== DATA_SYMBOLS + 1 || Array.from(cleaned).some((c) => !ALPHABET.includes(c))) return null;
    if (checkSymbol(cleaned.slice(0, -1)) !== cleaned.slice(-1)) return null;
    return grouped(cleaned);
  }

  function newCode() {
    // 256 is a multiple of 32, so each byte's low five bits are a uniform symbol.
    const data = Array.from(crypto.getRandomValues(new Uint8Array(DATA_SYMBOLS)), (b) => ALPHABET[b & 31]).join("");
    return grouped(data + checkSymbol(data));
  }

  function keyPair(code) {
    const symbols = encoder.encode(normalize(code).replace(/-/g, ""));
    const seed = sodium.crypto_hash_sha512(concat(KEY_DOMAIN, symbols)).subarray(0, 32);
    return sodium.crypto_sign_seed_keypair(seed);
  }

  const digestBytes = (definitionHash) => Uint8Array.from(definitionHash.match(/../g), (pair) => parseInt(pair, 16));

  function signRequest(pair, definitionHash, blindedMessage) {
    return sodium.crypto_sign_detached(concat(REQUEST_DOMAIN, digestBytes(definitionHash), blindedMessage), pair.privateKey);
  }

  // Sent with the first ballot cast under the pass; it names the election, never the ballot.
  function signDeclaration(pair, definitionHash) {
    return sodium.crypto_sign_detached(concat(DECLARATION_DOMAIN, digestBytes(definitionHash)), pair.privateKey);
  }

  const stored = () => normalize(localStorage.getItem(STORAGE_KEY));
  const keep = (code) => localStorage.setItem(STORAGE_KEY, normalize(code));
  const forget = () => localStorage.removeItem(STORAGE_KEY);
  globalThis.SolidarityVotingKey = { normalize, newCode, keyPair, signRequest, signDeclaration, stored, keep, forget };
})();
