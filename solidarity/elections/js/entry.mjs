// Entry point of the vendored voting bundle: exposes the two vetted libraries to booth.js.
import { RSABSSA } from '@cloudflare/blindrsa-ts';
import sodium from 'libsodium-wrappers';

globalThis.SolidarityVoteCrypto = { RSABSSA, sodium };
