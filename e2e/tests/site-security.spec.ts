import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { expect, request as requestFactory, test } from '@playwright/test';
import { authRateLimit, demo, repoRoot, signIn, signUpByApi } from '../fixtures/site.ts';

// These tests provoke 4xx answers and blocked frames on purpose: no page guard.

const port = Number(process.env.E2E_PORT ?? 3210);
const crossSite = 'http://cross-site.invalid';

/**
 * Sign-in attempts from their own loopback address (127.0.0.2, bound as the connection's source),
 * so that exhausting that address's budget does not lock the rest of the suite out.
 */
function postFrom(
  localAddress: string,
  urlPath: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const data = JSON.stringify(body);
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        localAddress,
        method: 'POST',
        path: urlPath,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(data),
          ...headers,
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

const prober = '127.0.0.2';

function signInBody(email: string, password: string) {
  return { email, password };
}

test.describe('sign-in limits (issue 14, item 1)', () => {
  test('an account is locked after repeated wrong passwords, whatever address the guesses claim', async ({
    request,
    baseURL,
  }) => {
    const { email } = await signUpByApi(request, baseURL ?? '', 'Victim');
    for (let i = 0; i < 5; i++) {
      const wrong = await postFrom(
        prober,
        '/api/auth/sign-in/email',
        signInBody(email, `wrong-password-${i}`),
        {
          'x-forwarded-for': `198.51.100.${i + 1}`,
        },
      );
      expect(wrong.status, `guess ${i + 1}`).toBe(401);
    }
    const right = await postFrom(
      prober,
      '/api/auth/sign-in/email',
      signInBody(email, 'correct-horse-battery'),
      {
        'x-forwarded-for': '203.0.113.77',
      },
    );
    expect(right.status).toBe(429);
    expect(JSON.parse(right.body).message).toMatch(
      /Too many wrong passwords for this account: try again in \d+ s/,
    );
  });

  test('a rotating X-Forwarded-For does not give unlimited guesses, nor lock out the address it names', async () => {
    const statuses: number[] = [];
    for (let i = 0; i <= authRateLimit && !statuses.includes(429); i++) {
      // a different account each time (no per-account lock), a different claimed address each
      // time, sometimes the addresses the rest of the suite signs in from
      const claimed = i % 3 === 0 ? '127.0.0.1' : i % 3 === 1 ? '::1' : `192.0.2.${i % 250}`;
      const response = await postFrom(
        prober,
        '/api/auth/sign-in/email',
        signInBody(`nobody-${Date.now()}-${i}@example.test`, 'wrong-password'),
        { 'x-forwarded-for': claimed },
      );
      statuses.push(response.status);
    }
    expect(statuses.at(-1), `statuses: ${statuses.join(',')}`).toBe(429);
    // The addresses named in the header (the suite's own) can still sign in.
    const other = await requestFactory.newContext({ baseURL: `http://127.0.0.1:${port}` });
    const ok = await other.post('/api/auth/sign-in/email', {
      data: signInBody(demo.student.email, demo.student.password),
    });
    expect(ok.status()).toBe(200);
    await other.dispose();
  });
});

test.describe('redirect after sign-in (item 2)', () => {
  for (const next of ['/%5Cevil.example', '/%09/evil.example', '//evil.example', 'https://evil.example']) {
    test(`?next=${next} stays on the site`, async ({ page, baseURL }) => {
      await page.goto(`/sign-in?next=${next}`);
      await page.getByLabel('Email').fill(demo.student.email);
      await page.getByLabel('Password').fill(demo.student.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page.getByTestId('nav-user')).toBeVisible();
      // the course home of this site (an off-site redirect would land on another origin's "/")
      await expect(page).toHaveURL(`${new URL(baseURL ?? '').origin}/`);
    });
  }
});

test('sessions are not signed with the public secret from the repository (item 3)', async ({
  page,
  baseURL,
}) => {
  await signUpByApi(page.request, baseURL ?? '');
  const cookie = (await page.context().cookies()).find((c) => c.name.endsWith('session_token'));
  expect(cookie).toBeDefined();
  const [token, signature] = decodeURIComponent(cookie?.value ?? '').split('.');
  const sign = (secret: string) =>
    createHmac('sha256', secret)
      .update(token ?? '')
      .digest('base64');
  // The check can fail: the secret kept in the data folder does sign it.
  const kept = fs.readFileSync(path.join(repoRoot, 'data', 'auth-secret'), 'utf8').trim();
  expect(fs.statSync(path.join(repoRoot, 'data', 'auth-secret')).mode & 0o077).toBe(0);
  expect(signature).toBe(sign(kept));
  expect(signature).not.toBe(sign('gradlab-local-development-secret-change-me-0123456789'));
});

test.describe('bounded, well-formed input (item 4)', () => {
  test('names and emails are capped at sign-up and in the profile', async ({ request, baseURL }) => {
    const long = await request.post('/api/auth/sign-up/email', {
      data: {
        email: `long-${Date.now()}@example.test`,
        password: 'correct-horse-battery',
        name: 'N'.repeat(1_000_000),
      },
    });
    expect(long.status()).toBe(413);
    const tooLongName = await request.post('/api/auth/sign-up/email', {
      data: {
        email: `long-${Date.now()}@example.test`,
        password: 'correct-horse-battery',
        name: 'N'.repeat(101),
      },
    });
    expect(tooLongName.status()).toBe(400);
    expect((await tooLongName.json()).message).toBe('name must be at most 100 characters');
    const longEmail = await request.post('/api/auth/sign-up/email', {
      data: { email: `${'e'.repeat(290)}@example.test`, password: 'correct-horse-battery', name: 'Ok' },
    });
    expect(longEmail.status()).toBe(400);
    expect((await longEmail.json()).message).toBe('email must be at most 254 characters');
    await signUpByApi(request, baseURL ?? '');
    const update = await request.post('/api/auth/update-user', {
      data: { name: 'N'.repeat(5000) },
      headers: { origin: baseURL ?? '' },
    });
    expect(update.status()).toBe(400);
    const fine = await request.post('/api/auth/update-user', {
      data: { name: 'Renamed Student' },
      headers: { origin: baseURL ?? '' },
    });
    expect(fine.status()).toBe(200);
  });

  test('a lone UTF-16 surrogate in code is a 400, not a 500', async ({ request, baseURL }) => {
    await signUpByApi(request, baseURL ?? '');
    const body = '{"exerciseId":"affine-layer","code":"export const x = \\"\\ud800\\";"}';
    const submit = await request.post('/api/submissions', {
      data: body,
      headers: { 'content-type': 'application/json' },
    });
    expect(submit.status()).toBe(400);
    expect((await submit.json()).error).toMatch(/code: malformed Unicode/);
    const draft = await request.put('/api/exercises/affine-layer/draft', {
      data: '{"code":"\\udc00"}',
      headers: { 'content-type': 'application/json' },
    });
    expect(draft.status()).toBe(400);
  });

  test('a 50 MB chunked body is refused with 413 long before it is all sent', async ({ page, baseURL }) => {
    test.setTimeout(60_000);
    await signUpByApi(page.request, baseURL ?? '');
    const cookies = await page.context().cookies();
    const cookie = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const chunk = Buffer.alloc(1024 * 1024, 'x');
    const { status, sentBytes } = await new Promise<{ status: number; sentBytes: number }>(
      (resolve, reject) => {
        let sentBytes = 0;
        let answered = false;
        const req = http.request(
          {
            host: 'localhost',
            port,
            method: 'POST',
            path: '/api/submissions',
            headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked', cookie },
          },
          (res) => {
            answered = true;
            res.resume();
            resolve({ status: res.statusCode ?? 0, sentBytes });
            req.destroy();
          },
        );
        req.on('error', (error) => {
          if (!answered) reject(error);
        });
        req.write('{"exerciseId":"affine-layer","code":"');
        const pump = () => {
          while (!answered && sentBytes < 50 * 1024 * 1024) {
            sentBytes += chunk.length;
            if (!req.write(chunk)) {
              req.once('drain', () => setTimeout(pump, 5));
              return;
            }
          }
          if (!answered) req.end('"}');
        };
        pump();
      },
    );
    expect(status).toBe(413);
    expect(sentBytes, 'bytes sent before the answer').toBeLessThan(20 * 1024 * 1024);
  });
});

test.describe('security headers and origin checks (item 5)', () => {
  test('pages send CSP, frame-ancestors, nosniff and a referrer policy', async ({ request }) => {
    for (const path of ['/', '/sign-in', '/lectures/backpropagation']) {
      const response = await request.get(path);
      const headers = response.headers();
      expect(headers['content-security-policy'], path).toContain("frame-ancestors 'none'");
      expect(headers['content-security-policy'], path).toContain("object-src 'none'");
      expect(headers['x-content-type-options'], path).toBe('nosniff');
      expect(headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
      expect(headers['x-frame-options'], path).toBe('DENY');
    }
  });

  test('another page cannot frame the site', async ({ page, baseURL }) => {
    await page.setContent(
      `<iframe title="framed" src="${baseURL}/sign-in" width="600" height="400"></iframe>`,
    );
    await page.waitForTimeout(1500);
    await expect(page.frameLocator('iframe').getByRole('heading', { name: 'Sign in' })).toHaveCount(0);
  });

  test('state-changing API calls from another origin are refused', async ({ request, baseURL }) => {
    await signUpByApi(request, baseURL ?? '');
    const submit = await request.post('/api/submissions', {
      data: { exerciseId: 'affine-layer', code: 'export {}' },
      headers: { origin: crossSite },
    });
    expect(submit.status()).toBe(403);
    expect((await submit.json()).error).toMatch(/cross-origin request refused/);
    const draft = await request.delete('/api/exercises/affine-layer/draft', {
      headers: { 'sec-fetch-site': 'cross-site' },
    });
    expect(draft.status()).toBe(403);
    const same = await request.put('/api/exercises/affine-layer/draft', {
      data: { code: '// mine' },
      headers: { origin: baseURL ?? '' },
    });
    expect(same.status()).toBe(200);
  });

  test('Monaco, KaTeX and the Run worker work under the CSP', async ({ page }) => {
    const violations: string[] = [];
    await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        (window as unknown as { reportViolation(t: string): void }).reportViolation(
          `${event.violatedDirective} ${event.blockedURI}`,
        );
      });
    });
    await page.goto('/lectures/backpropagation');
    await expect(page.locator('.katex').first()).toBeVisible();
    await signIn(page, demo.student);
    await page.goto('/exercises/affine-layer');
    await expect(page.getByTestId('editor').locator('.monaco-editor')).toBeVisible({ timeout: 15_000 });
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(page.getByTestId('run-result')).toBeVisible({ timeout: 15_000 });
    expect(violations).toEqual([]);
  });
});

test('sign-in works at http://127.0.0.1 as well as localhost (item 7)', async ({ page }) => {
  await page.goto(`http://127.0.0.1:${port}/sign-in`);
  await page.getByLabel('Email').fill(demo.student.email);
  await page.getByLabel('Password').fill(demo.student.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('nav-user')).toBeVisible();
  await expect(page.locator('#auth-error')).toHaveCount(0);
});
