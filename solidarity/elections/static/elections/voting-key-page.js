// The voting key page: make a voting code here, show it to be written down, and send only the
// public key derived from it (solidarity/elections/static/elections/voting-key.js).
(function () {
  "use strict";
  const page = document.getElementById("voting-key");
  if (!page || !globalThis.SolidarityVoteCrypto || !globalThis.SolidarityVotingKey) return;
  const { sodium } = globalThis.SolidarityVoteCrypto;
  const votingKey = globalThis.SolidarityVotingKey;
  const $ = (id) => document.getElementById(id);
  const toBase64 = (bytes) => btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join(""));
  let code = null;

  sodium.ready.then(() => {
    const make = $("make-code");
    if (!make) return;
    make.hidden = false;
    make.addEventListener("click", () => {
      code = votingKey.newCode();
      $("code-value").textContent = code;
      $("public-key").value = toBase64(votingKey.keyPair(code).publicKey);
      $("new-code").hidden = false;
      make.hidden = true;
    });
    $("register-key").addEventListener("submit", (event) => {
      const typed = votingKey.normalize($("code-check").value);
      if (!code || typed !== code) {
        event.preventDefault();
        $("code-check-error").hidden = false;
        return;
      }
      if ($("keep-code").checked) votingKey.keep(code); else votingKey.forget();
    });
  });
})();
