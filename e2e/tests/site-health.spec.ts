import os from 'node:os';
import { expect, test } from '@playwright/test';

test('/api/health says that the database and the grading answer, with counts only', async ({ request }) => {
  const res = await request.get('/api/health');
  expect(res.status()).toBe(200);
  expect(res.headers()['cache-control']).toBe('no-store');
  const body = await res.json();
  expect(body.ok).toBe(true);
  expect(body.database.ok).toBe(true);
  const queue = process.env.E2E_GRADING === 'queue';
  expect(body.grading).toMatchObject({ ok: true, mode: queue ? 'queue' : 'embedded' });
  expect(body.grading.submissions).toEqual({ queued: expect.any(Number), running: expect.any(Number) });
  if (queue) {
    expect(body.grading.workers).toBe(1);
    expect(body.grading.queue).toEqual({ queued: expect.any(Number), active: expect.any(Number), failed: 0 });
  } else {
    expect(body.grading.processes).toBe(2);
  }
  // public: no host names or process ids
  expect(JSON.stringify(body)).not.toContain(os.hostname());
});
