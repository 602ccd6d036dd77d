/**
 * The origins the site is served on, which sign-in and the state-changing API routes accept in
 * the `Origin` header: localhost, 127.0.0.1 and [::1] on the server's port (the embedded
 * set-up), the public URL `BETTER_AUTH_URL`, and any listed in `GRADLAB_TRUSTED_ORIGINS`
 * (comma-separated, e.g. `https://course.example.edu`) for a deployment behind other names.
 */
export function siteOrigins(env: Record<string, string | undefined> = process.env): string[] {
  const port = env.PORT || '3000';
  const origins = [`http://localhost:${port}`, `http://127.0.0.1:${port}`, `http://[::1]:${port}`];
  const listed = [env.BETTER_AUTH_URL ?? '', ...(env.GRADLAB_TRUSTED_ORIGINS ?? '').split(',')];
  for (const entry of listed) {
    const text = entry.trim();
    if (text === '') continue;
    try {
      origins.push(new URL(text).origin);
    } catch {
      throw new Error(`"${text}" (BETTER_AUTH_URL or GRADLAB_TRUSTED_ORIGINS) is not a URL`);
    }
  }
  return [...new Set(origins)];
}

/**
 * Whether a state-changing request comes from one of the site's own pages: its `Origin` is one
 * of `origins`, or it has none and is not marked cross-site by the browser (`Sec-Fetch-Site`),
 * as for a command-line client.
 */
export function isSameSiteRequest(headers: Headers, origins: readonly string[]): boolean {
  const origin = headers.get('origin');
  if (origin !== null) return origins.includes(origin);
  return headers.get('sec-fetch-site') !== 'cross-site';
}
