import { execFileSync } from 'node:child_process';
import { expect, test } from '../fixtures/page-guard.ts';
import { repoRoot, signUp } from '../fixtures/site.ts';

/** A variant's key, as an instructor prints it (`gradlab question <id> --seed N --json`). */
function variantKey(
  id: string,
  seed: number,
): { params: Record<string, string | number>; parts: Record<string, { key: unknown }> } {
  const out = execFileSync('npx', ['gradlab', 'question', id, '--seed', String(seed), '--json'], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  return JSON.parse(out);
}

test.describe('practice questions', () => {
  test('a student answers a variant, gets every part graded with the key and a worked solution, then draws another', async ({
    page,
    guard,
  }) => {
    void guard;
    test.setTimeout(90_000);
    await signUp(page);
    await page.getByRole('link', { name: 'Practice' }).click();
    await page.getByRole('link', { name: 'Output size and parameters of a convolution' }).click();
    await expect(page).toHaveURL(/\/questions\/conv-output-size\?seed=\d+$/);
    const seed = Number(new URL(page.url()).searchParams.get('seed'));
    const { parts } = variantKey('conv-output-size', seed);
    // nothing of the key or the worked solution is on the page before Check
    const html = await page.content();
    expect(html).not.toContain('Each filter has');
    expect(html).not.toContain(`>${parts.b?.key}<`);
    await page.waitForLoadState('networkidle');

    const [, f = 0, ho = 0, wo = 0] = (parts.a?.key ?? []) as [string, number, number, number];
    // the shape in channels-last order (accepted), the count, a layer that does not keep the size
    await page.getByLabel('Answer to part a').fill(`(N, ${ho}, ${wo}, ${f})`);
    await page.getByLabel('Answer to part b').fill(String(parts.b?.key));
    const c = page.getByTestId('answer-c');
    await c.getByLabel('kernel').fill('5');
    await c.getByLabel('stride').fill('1');
    await c.getByLabel('padding').fill('1');
    await page.getByRole('button', { name: 'Check' }).click();
    await expect(page.getByTestId('question-score')).toHaveText('4 / 6 points');
    await expect(page.getByTestId('result-a')).toHaveText(
      '2 / 2: correct (an accepted order of the dimensions)',
    );
    await expect(page.getByTestId('result-b')).toHaveText('2 / 2: correct');
    await expect(page.getByTestId('result-c')).toContainText(
      `0 / 2: with these values a side of ${ho} becomes ${ho - 2}`,
    );
    await expect(page.getByTestId('result-c')).toContainText(
      'key: for example kernel = 3, stride = 1, padding = 1',
    );
    await expect(page.getByTestId('worked-solution')).toContainText('Each filter has');

    await page.getByRole('link', { name: 'Another variant' }).click();
    // the link goes through ?seed=new and lands on a fresh seed
    await expect(page).not.toHaveURL(new RegExp(`seed=${seed}$`));
    await expect(page).toHaveURL(/seed=\d+$/);
    expect(Number(new URL(page.url()).searchParams.get('seed'))).not.toBe(seed);
    await expect(page.getByRole('button', { name: 'Check' })).toBeVisible();
  });

  test('the check API says what is wrong with a bad request', async ({ page }) => {
    await signUp(page);
    const bad = await page.request.post('/api/questions/conv-output-size/check', {
      data: { seed: -1, responses: {} },
    });
    expect(bad.status()).toBe(400);
    expect((await bad.json()).error).toMatch(/^invalid request: seed: /);
    const missing = await page.request.post('/api/questions/no-such-question/check', {
      data: { seed: 1, responses: {} },
    });
    expect(missing.status()).toBe(404);
  });
});
