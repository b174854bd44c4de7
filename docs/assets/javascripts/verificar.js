/*
 * Certificate verification, entirely in the browser: the typed (or QR) code is
 * normalised as the tracker does, hashed with SHA-256 and looked up in the list of
 * valid hashes embedded in the page. Nothing is stored or sent.
 */
(function () {
  "use strict";
  var form = document.querySelector("[data-dc-verificar]");
  var data = document.getElementById("dc-certificados");
  if (!form || !data) return;
  var list = JSON.parse(data.textContent);
  var valid = {};
  list.certificados.forEach(function (entry) { valid[entry.hash] = entry; });
  var input = form.querySelector("input");
  var output = form.querySelector(".dc-verificar__resultado");

  // As codes.normalize_verification_code in the tracker
  function normalize(text) {
    var compact = text.replace(/[\s-]/g, "").toUpperCase().replace(/O/g, "0").replace(/[IL]/g, "1");
    return compact.length === 12 ? compact.slice(0, 4) + "-" + compact.slice(4, 8) + "-" + compact.slice(8) : compact;
  }

  // SHA-256 (FIPS 180-4); crypto.subtle is missing on plain-HTTP hosts, so we carry our own
  function sha256(message) {
    var K = [0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
      0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
      0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
      0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
      0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
      0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
      0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
      0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2];
    var H = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
    var bytes = Array.from(new TextEncoder().encode(message));
    var bitLength = bytes.length * 8;
    bytes.push(0x80);
    while (bytes.length % 64 !== 56) bytes.push(0);
    for (var shift = 56; shift >= 0; shift -= 8) bytes.push(shift >= 32 ? Math.floor(bitLength / Math.pow(2, shift)) & 0xff : (bitLength >>> shift) & 0xff);
    var rotr = function (x, n) { return (x >>> n) | (x << (32 - n)); };
    var W = new Array(64);
    for (var offset = 0; offset < bytes.length; offset += 64) {
      for (var t = 0; t < 16; t++) {
        W[t] = (bytes[offset + 4 * t] << 24) | (bytes[offset + 4 * t + 1] << 16) | (bytes[offset + 4 * t + 2] << 8) | bytes[offset + 4 * t + 3];
      }
      for (t = 16; t < 64; t++) {
        var s0 = rotr(W[t - 15], 7) ^ rotr(W[t - 15], 18) ^ (W[t - 15] >>> 3);
        var s1 = rotr(W[t - 2], 17) ^ rotr(W[t - 2], 19) ^ (W[t - 2] >>> 10);
        W[t] = (W[t - 16] + s0 + W[t - 7] + s1) | 0;
      }
      var a = H[0], b = H[1], c = H[2], d = H[3], e = H[4], f = H[5], g = H[6], h = H[7];
      for (t = 0; t < 64; t++) {
        var S1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25);
        var temp1 = (h + S1 + ((e & f) ^ (~e & g)) + K[t] + W[t]) | 0;
        var S0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22);
        var temp2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
        h = g; g = f; f = e; e = (d + temp1) | 0; d = c; c = b; b = a; a = (temp1 + temp2) | 0;
      }
      H = [H[0] + a, H[1] + b, H[2] + c, H[3] + d, H[4] + e, H[5] + f, H[6] + g, H[7] + h].map(function (x) { return x | 0; });
    }
    return H.map(function (x) { return ("00000000" + (x >>> 0).toString(16)).slice(-8); }).join("");
  }

  function check(code) {
    if (!code.trim()) { output.textContent = ""; return; }
    if (!list.certificados.length) {
      // Nothing published yet: "not found" would wrongly say the code is bad
      output.className = "dc-verificar__resultado dc-verificar__resultado--vacio";
      output.textContent = form.getAttribute("data-vacio");
      return;
    }
    var entry = valid[sha256(list.prefijo + normalize(code))];
    output.className = "dc-verificar__resultado " + (entry ? "dc-verificar__resultado--valido" : "dc-verificar__resultado--no");
    if (entry) {
      var subject = (list.temas && list.temas[entry.tema]) || entry.tema;
      output.textContent = form.getAttribute("data-valido").replace("{tema}", subject).replace("{fecha}", entry.fecha);
    } else {
      output.textContent = form.getAttribute("data-no-encontrado");
    }
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    check(input.value);
  });
  // The QR leads here with the code after '#', which never reaches a server
  var fromQr = /[#&]c=([^&]+)/.exec(location.hash);
  if (fromQr) {
    input.value = decodeURIComponent(fromQr[1]);
    check(input.value);
  }
}());
