import { expect, test } from '../fixtures/page-guard.ts';

test('home page lists the course and opens a lecture with rendered math', async ({ page, guard }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const link = page.getByRole('link', { name: 'Linear classifiers and loss functions' });
  await expect(link).toBeVisible();

  await link.click();
  await expect(page).toHaveURL(/\/lectures\/linear-classifiers$/);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Linear classifiers and loss functions' }),
  ).toBeVisible();

  // Display math is rendered by KaTeX on the server, as display blocks, without errors.
  const display = page.locator('.katex-display');
  expect(await display.count()).toBeGreaterThan(3);
  await expect(display.first()).toBeVisible();
  await expect(page.locator('.katex-error')).toHaveCount(0);
  // KaTeX's fonts and CSS come from this site: a rendered fraction has a real layout height.
  const box = await display.first().boundingBox();
  expect(box?.height ?? 0).toBeGreaterThan(20);
  expect(guard.externalRequests).toEqual([]);
});

test('an unknown lecture is a 404', async ({ page, guard }) => {
  const response = await page.goto('/lectures/no-such-lecture');
  expect(response?.status()).toBe(404);
  // the site's own 404 page (issue 14), not the framework's bare default
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Back to the course' })).toBeVisible();
  // The 404 of the document itself is expected here, and only that one.
  const expected = (m: string) =>
    m.includes('404') && (m.includes('no-such-lecture') || !m.startsWith('HTTP'));
  guard.consoleErrors.splice(
    0,
    guard.consoleErrors.length,
    ...guard.consoleErrors.filter((m) => !expected(m)),
  );
});
