import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isDiagnostic, type ResultTest, testVerdict } from '../components/exercise/result-view.tsx';
import { PUBLIC_SECRET, resolveAuthSecret, SECRET_FILE } from '../lib/auth-secret.ts';
import { isSameSiteRequest, siteOrigins } from '../lib/origins.ts';
import { safeNext } from '../lib/safe-next.ts';
import { createSignInThrottle } from '../lib/sign-in-throttle.ts';
import { statusLabel, statusText } from '../lib/status-text.ts';
import { isWellFormed, malformedStringPath, nameSchema } from '../lib/text-limits.ts';
import { clientAddress, parseTrustedProxies } from '../server/client-address.mjs';

const origin = 'http://localhost:3000';

describe('safeNext: only same-origin paths after signing in', () => {
  it('keeps paths on the site', () => {
    expect(safeNext('/exercises/affine-layer', origin)).toBe('/exercises/affine-layer');
    expect(safeNext('/submissions?x=1#top', origin)).toBe('/submissions?x=1#top');
    expect(safeNext(null, origin)).toBe('/');
  });
  it.each([
    '//evil.example',
    '/\\evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    'https://evil.example/',
    'javascript:alert(1)',
    '/\\/evil.example',
  ])('refuses %j', (next) => {
    expect(safeNext(next, origin)).toBe('/');
  });
});

describe('the site origins', () => {
  it('trust localhost, 127.0.0.1 and [::1] on the port, plus the configured URLs', () => {
    expect(
      siteOrigins({
        PORT: '3311',
        BETTER_AUTH_URL: 'https://course.test/x',
        GRADLAB_TRUSTED_ORIGINS: ' https://a.test ,',
      }),
    ).toEqual([
      'http://localhost:3311',
      'http://127.0.0.1:3311',
      'http://[::1]:3311',
      'https://course.test',
      'https://a.test',
    ]);
    expect(() => siteOrigins({ GRADLAB_TRUSTED_ORIGINS: 'not a url' })).toThrow(/not a URL/);
  });
  it('accept state-changing requests only from them', () => {
    const list = siteOrigins({ PORT: '3000' });
    expect(isSameSiteRequest(new Headers({ origin: 'http://127.0.0.1:3000' }), list)).toBe(true);
    expect(isSameSiteRequest(new Headers({ origin: 'http://evil.test' }), list)).toBe(false);
    expect(isSameSiteRequest(new Headers({ origin: 'null' }), list)).toBe(false);
    expect(isSameSiteRequest(new Headers({ 'sec-fetch-site': 'cross-site' }), list)).toBe(false);
    expect(isSameSiteRequest(new Headers(), list)).toBe(true);
  });
});

describe('the auth secret', () => {
  const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'gradlab-secret-'));
  it('is generated once, kept in the data folder with mode 600, and reused', () => {
    const dir = path.join(tmp(), 'data');
    const first = resolveAuthSecret({}, dir);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(first).not.toBe(PUBLIC_SECRET);
    expect(fs.statSync(path.join(dir, SECRET_FILE)).mode & 0o777).toBe(0o600);
    expect(resolveAuthSecret({}, dir)).toBe(first);
    expect(resolveAuthSecret({}, tmp())).not.toBe(first);
  });
  it('uses BETTER_AUTH_SECRET, and refuses the public one in production', () => {
    const dir = tmp();
    expect(resolveAuthSecret({ BETTER_AUTH_SECRET: 'x'.repeat(40) }, dir)).toBe('x'.repeat(40));
    expect(() =>
      resolveAuthSecret({ BETTER_AUTH_SECRET: PUBLIC_SECRET, NODE_ENV: 'production' }, dir),
    ).toThrow(/public example secret/);
    expect(() => resolveAuthSecret({ BETTER_AUTH_SECRET: 'short' }, dir)).toThrow(/at least 32/);
  });
});

describe('per-account sign-in backoff', () => {
  afterEach(() => vi.useRealTimers());
  it('locks an account after 5 wrong passwords, doubling, and a success clears it', async () => {
    vi.useFakeTimers({ now: 0 });
    const throttle = createSignInThrottle();
    for (let i = 0; i < 4; i++) await throttle.failure('Ada@X');
    expect((await throttle.check('ada@x')).ok).toBe(true);
    await throttle.failure('ada@x');
    expect(await throttle.check('ADA@x')).toEqual({ ok: false, retryAfterS: 30 });
    vi.setSystemTime(30_001);
    expect((await throttle.check('ada@x')).ok).toBe(true);
    await throttle.failure('ada@x');
    expect(await throttle.check('ada@x')).toEqual({ ok: false, retryAfterS: 60 });
    expect((await throttle.check('bob@x')).ok).toBe(true);
    vi.setSystemTime(100_000);
    await throttle.success('ada@x');
    expect((await throttle.check('ada@x')).ok).toBe(true);
  });
});

describe('the client address for rate limits', () => {
  it('comes from the socket; X-Forwarded-For counts only from a trusted proxy', () => {
    expect(clientAddress('::ffff:127.0.0.1', '203.0.113.9', null)).toBe('127.0.0.1');
    const trusted = parseTrustedProxies('10.0.0.0/8, ::1');
    expect(clientAddress('10.1.2.3', '198.51.100.7, 10.0.0.5', trusted)).toBe('198.51.100.7');
    expect(clientAddress('192.0.2.1', '198.51.100.7', trusted)).toBe('192.0.2.1');
    expect(clientAddress('::1', 'garbage', trusted)).toBe('::1');
    expect(() => parseTrustedProxies('10.0.0.0/99')).toThrow(/not an IP address/);
  });
});

describe('bounded, well-formed text', () => {
  it('finds lone surrogates, and caps names', () => {
    expect(isWellFormed('ok 😀')).toBe(true);
    expect(isWellFormed('\ud800x')).toBe(false);
    expect(isWellFormed('x\udc00')).toBe(false);
    expect(malformedStringPath({ a: [1, 'fine', { code: 'bad \ud83d' }] })).toBe('a.2.code');
    expect(malformedStringPath({ a: 'fine' })).toBeNull();
    expect(nameSchema.safeParse('x'.repeat(101)).success).toBe(false);
    expect(nameSchema.safeParse('  Ada  ').data).toBe('Ada');
    expect(nameSchema.safeParse('a\u0000b').success).toBe(false);
  });
});

describe('result display', () => {
  const diagnostic: ResultTest = {
    name: 'your backward agrees with your forward',
    visibility: 'public',
    passed: true,
    points: 0,
    maxPoints: 0,
    message: '',
  };
  it('never shows a passing 0-point diagnostic as passed while graded tests fail', () => {
    expect(isDiagnostic(diagnostic)).toBe(true);
    expect(testVerdict(diagnostic, false).className).toBe('diagnostic');
    expect(testVerdict(diagnostic, true)).toEqual({ label: 'Check passed', className: 'passed' });
    expect(testVerdict({ ...diagnostic, passed: false }, true).className).toBe('failed');
  });
  it('names statuses in words', () => {
    expect(statusText('compile_error')).toBe('compile error');
    expect(statusLabel('memory_limit')).toBe('Memory limit exceeded');
    expect(statusText('queued')).toBe('waiting to be graded');
  });
});
