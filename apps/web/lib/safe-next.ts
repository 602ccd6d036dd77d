/**
 * Where to go after signing in: `next` if it is a path on this site, else "/". The value is
 * resolved against the site's own origin (as the browser would resolve it), so tricks like
 * `/\\evil.example` or `/\t/evil.example`, which browsers read as another host, are refused.
 */
export function safeNext(next: string | null | undefined, origin: string): string {
  if (!next?.startsWith('/')) return '/';
  let url: URL;
  try {
    url = new URL(next, origin);
  } catch {
    return '/';
  }
  if (url.origin !== new URL(origin).origin) return '/';
  const path = `${url.pathname}${url.search}${url.hash}`;
  // The path as given must also be the one the browser would follow (no backslashes or
  // control characters that a URL parser drops or rewrites).
  return path.startsWith('//') || hasBackslashOrControl(next) ? '/' : path;
}

function hasBackslashOrControl(text: string): boolean {
  for (const char of text) {
    const code = char.charCodeAt(0);
    if (char === '\\' || code < 0x20 || code === 0x7f) return true;
  }
  return false;
}
