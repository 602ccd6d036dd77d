// The client's address for rate limits, taken from the TCP connection. `X-Forwarded-For` is a
// header any client can set, so it counts only when the connection comes from a proxy the
// operator named in GRADLAB_TRUSTED_PROXIES (addresses or CIDR ranges, comma-separated).
import net from 'node:net';

/** `::ffff:127.0.0.1` -> `127.0.0.1`; other addresses unchanged (lower case). */
export function normalizeAddress(address) {
  const lower = String(address ?? '')
    .trim()
    .toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  return mapped ? mapped[1] : lower;
}

/** Parses `GRADLAB_TRUSTED_PROXIES` into a BlockList; throws on an entry that is not an address or range. */
export function parseTrustedProxies(text) {
  const list = new net.BlockList();
  let count = 0;
  for (const raw of String(text ?? '').split(',')) {
    const entry = raw.trim();
    if (entry === '') continue;
    const [address = '', prefix] = entry.split('/');
    const family = net.isIPv4(address) ? 'ipv4' : net.isIPv6(address) ? 'ipv6' : null;
    const bits = prefix === undefined ? (family === 'ipv4' ? 32 : 128) : Number(prefix);
    if (!family || !Number.isInteger(bits) || bits < 0 || bits > (family === 'ipv4' ? 32 : 128)) {
      throw new Error(`GRADLAB_TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range`);
    }
    list.addSubnet(address, bits, family);
    count += 1;
  }
  return count === 0 ? null : list;
}

function isTrusted(list, address) {
  if (!list) return false;
  if (net.isIPv4(address)) return list.check(address, 'ipv4');
  if (net.isIPv6(address)) return list.check(address, 'ipv6');
  return false;
}

/**
 * The client's address: the socket's peer, unless that peer is a trusted proxy; then the
 * right-most address of `X-Forwarded-For` that is not itself a trusted proxy.
 */
export function clientAddress(socketAddress, forwardedFor, trusted) {
  let address = normalizeAddress(socketAddress);
  if (!isTrusted(trusted, address) || !forwardedFor) return address;
  const hops = String(forwardedFor)
    .split(',')
    .map(normalizeAddress)
    .filter((hop) => hop !== '');
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i];
    if (!net.isIP(hop)) return address;
    address = hop;
    if (!isTrusted(trusted, hop)) return hop;
  }
  return address;
}
