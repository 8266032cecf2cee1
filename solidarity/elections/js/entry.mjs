// Entry point of the vendored voting bundle: exposes the two vetted libraries to booth.js
// (the sumo build of libsodium: the standard one lacks the edwards25519 group operations ElGamal needs).
import { RSABSSA } from '@cloudflare/blindrsa-ts';
import sodium from 'libsodium-wrappers-sumo';

globalThis.SolidarityVoteCrypto = { RSABSSA, sodium };
