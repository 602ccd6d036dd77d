import { expect, test } from '@playwright/test';
import { demo, exerciseFile, signUpByApi, submitAndWait } from '../fixtures/site.ts';

// These tests expect 4xx answers on purpose, so they do not use the page guard.

test.describe('who may see what', () => {
  test('a student cannot open another student\u2019s submission, page or API', async ({
    browser,
    baseURL,
  }) => {
    const alice = await browser.newContext();
    await signUpByApi(alice.request, baseURL ?? '', 'Alice');
    const submission = await submitAndWait(alice.request, exerciseFile('affine-layer', 'starter.ts'));
    expect((await alice.request.get(`/api/submissions/${submission.id}`)).status()).toBe(200);

    const bob = await browser.newContext();
    await signUpByApi(bob.request, baseURL ?? '', 'Bob');
    const api = await bob.request.get(`/api/submissions/${submission.id}`);
    expect(api.status()).toBe(404);
    expect(await api.json()).toEqual({ error: 'no such submission' });
    const page = await bob.newPage();
    const response = await page.goto(`/submissions/${submission.id}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByText(submission.id)).toHaveCount(0);
    // Bob's list is his own (empty).
    expect(await (await bob.request.get('/api/submissions')).json()).toEqual({ submissions: [] });
    await alice.close();
    await bob.close();
  });

  test('a student cannot open instructor pages or call instructor APIs', async ({ page, baseURL }) => {
    await signUpByApi(page.request, baseURL ?? '');
    await page.goto('/instructor');
    await expect(page).toHaveURL(/\/forbidden$/);
    await expect(page.getByRole('heading', { name: 'Not allowed' })).toBeVisible();
    for (const path of ['/instructor/submissions', '/instructor/exercises/affine-layer']) {
      await page.goto(path);
      await expect(page).toHaveURL(/\/forbidden$/);
    }
    const submissions = await page.request.get('/api/instructor/submissions');
    expect(submissions.status()).toBe(403);
    expect(await submissions.json()).toEqual({ error: 'instructors only' });
    const reference = await page.request.post('/api/instructor/exercises/affine-layer/grade-reference');
    expect(reference.status()).toBe(403);
    expect((await page.request.post('/api/instructor/exercises/affine-layer/check')).status()).toBe(403);
    expect((await page.request.get('/api/instructor/submissions')).status()).toBe(403);
  });

  test('signed-out visitors are sent to sign in, and the API answers 401', async ({ page, request }) => {
    await page.goto('/exercises/affine-layer');
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fexercises%2Faffine-layer$/);
    await page.getByLabel('Email').fill(demo.student.email);
    await page.getByLabel('Password').fill(demo.student.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/exercises\/affine-layer$/);
    const api = await request.get('/api/submissions');
    expect(api.status()).toBe(401);
    expect(await api.json()).toEqual({ error: 'sign in first' });
    expect((await request.get('/api/exercises/affine-layer/kit')).status()).toBe(401);
  });

  test('bad requests get clear 4xx errors, and submitting is rate-limited', async ({ request, baseURL }) => {
    await signUpByApi(request, baseURL ?? '');
    const missing = await request.post('/api/submissions', { data: { exerciseId: 'affine-layer' } });
    expect(missing.status()).toBe(400);
    expect((await missing.json()).error).toMatch(/^invalid request: code: /);
    const unknown = await request.post('/api/submissions', { data: { exerciseId: 'no-such', code: 'x' } });
    expect(unknown.status()).toBe(404);
    const notJson = await request.post('/api/submissions', {
      data: 'not json',
      headers: { 'content-type': 'application/json' },
    });
    expect(notJson.status()).toBe(400);
    const form = await request.post('/api/submissions', { form: { exerciseId: 'affine-layer', code: 'x' } });
    expect(form.status()).toBe(415);
    const huge = await request.post('/api/submissions', {
      data: { exerciseId: 'affine-layer', code: 'x'.repeat(101 * 1024) },
    });
    expect(huge.status()).toBe(400);
    expect((await huge.json()).error).toMatch(/at most 102400 bytes/);
    const draft = await request.put('/api/exercises/affine-layer/draft', { data: { code: 42 } });
    expect(draft.status()).toBe(400);

    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const r = await request.post('/api/submissions', {
        data: { exerciseId: 'affine-layer', code: 'syntax error (' },
      });
      statuses.push(r.status());
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(202));
    expect(statuses[10]).toBe(429);
  });
});
