/**
 * Base64 -> bytes without Node's Buffer: `atob` where the global exists (browsers, workers,
 * Node >= 16), else a plain decoder (an isolated-vm isolate has neither Buffer nor atob).
 */

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** The plain-JS decoder, exported so it can be tested where `atob` exists. */
export function decodeBase64Plain(text: string): Uint8Array<ArrayBuffer> {
  const table = new Int16Array(128).fill(-1);
  for (let i = 0; i < alphabet.length; i++) table[alphabet.charCodeAt(i)] = i;
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 61 /* '=' */) end--;
  const bytes = new Uint8Array(Math.floor((end * 3) / 4));
  let bits = 0;
  let nbits = 0;
  let o = 0;
  for (let i = 0; i < end; i++) {
    const code = text.charCodeAt(i);
    const v = code < 128 ? (table[code] as number) : -1;
    if (v < 0) throw new Error(`base64: invalid character ${JSON.stringify(text[i])} at index ${i}`);
    bits = (bits << 6) | v;
    nbits += 6;
    if (nbits >= 8) {
      nbits -= 8;
      bytes[o++] = (bits >> nbits) & 0xff;
    }
  }
  return bytes;
}

export function decodeBase64(text: string): Uint8Array<ArrayBuffer> {
  const atobFn = (globalThis as { atob?: (s: string) => string }).atob;
  if (typeof atobFn !== 'function') return decodeBase64Plain(text);
  const binary = atobFn(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
