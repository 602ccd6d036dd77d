import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** The secret earlier versions used when none was set: public, so never accepted in production. */
export const PUBLIC_SECRET = 'gradlab-local-development-secret-change-me-0123456789';

/** The file in the data folder that keeps the secret generated on first start. */
export const SECRET_FILE = 'auth-secret';

/**
 * The secret that signs session cookies: `BETTER_AUTH_SECRET` when set; otherwise a random one
 * generated on first start and kept in `<dataDir>/auth-secret` (mode 600), so that `npm start`
 * stays one command and sessions survive restarts. The old public secret is refused in production.
 */
export function resolveAuthSecret(env: Record<string, string | undefined>, dataDir: string): string {
  const configured = env.BETTER_AUTH_SECRET;
  if (configured) {
    if (configured === PUBLIC_SECRET && env.NODE_ENV === 'production') {
      throw new Error(
        'BETTER_AUTH_SECRET is the public example secret from the repository: set a random one ' +
          '(e.g. `openssl rand -base64 32`) or unset it to have one generated in the data folder',
      );
    }
    if (configured.length < 32) throw new Error('BETTER_AUTH_SECRET must be at least 32 characters');
    return configured;
  }
  const file = path.join(dataDir, SECRET_FILE);
  const existing = readSecret(file);
  if (existing) return existing;
  const secret = randomBytes(32).toString('base64url');
  try {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch (error) {
    // Another process wrote it first: use theirs.
    const theirs = (error as NodeJS.ErrnoException).code === 'EEXIST' ? readSecret(file) : null;
    if (theirs) return theirs;
    throw new Error(
      `could not keep a generated auth secret in ${file} (${(error as Error).message}); set BETTER_AUTH_SECRET`,
    );
  }
}

function readSecret(file: string): string | null {
  try {
    const text = fs.readFileSync(file, 'utf8').trim();
    if (text === PUBLIC_SECRET) return null;
    return text.length >= 32 ? text : null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
