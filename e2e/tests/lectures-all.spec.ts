import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from '../fixtures/page-guard.ts';

/** The lecture links listed on the home page, in course order. */
async function lectureLinks(page: Page): Promise<{ name: string; href: string }[]> {
  await page.goto('/');
  const links = page.locator('a[href^="/lectures/"]');
  const out: { name: string; href: string }[] = [];
  for (const link of await links.all()) {
    out.push({ name: (await link.textContent()) ?? '', href: (await link.getAttribute('href')) ?? '' });
  }
  return out;
}

test('every lecture renders its math without errors and passes axe', async ({ page, guard }) => {
  // eleven lectures, each scanned by axe: about ten seconds apiece on a slow machine
  test.setTimeout(300_000);
  const lectures = await lectureLinks(page);
  expect(lectures.length).toBeGreaterThanOrEqual(11);
  for (const { name, href } of lectures) {
    await page.goto(href);
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    expect(await page.locator('.katex-display').count(), `${href}: display math`).toBeGreaterThan(2);
    await expect(page.locator('.katex-error'), `${href}: KaTeX errors`).toHaveCount(0);
    await expect(page.locator('details').first()).toBeVisible();
    // wait for client figures to hydrate and draw before scanning
    await page.waitForLoadState('networkidle');
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
    const serious = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
    expect(serious, `${href}: serious accessibility violations`).toEqual([]);
  }
  expect(guard.consoleErrors).toEqual([]);
});

test('the lectures added for the exams show their worked examples and figure', async ({ page, guard }) => {
  await page.goto('/lectures/dense-prediction-transfer');
  await expect(
    page.getByRole('region', { name: 'Worked example: a transposed convolution that interpolates' }),
  ).toBeVisible();
  await expect(page.getByRole('img', { name: /encoder-decoder for segmentation/ })).toBeVisible();
  await page.goto('/lectures/autoencoders-generative');
  const vae = page.getByRole('region', { name: 'Worked example: the latent layer of a VAE' });
  await expect(vae.locator('.katex').first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'Worked example: GAN losses on one batch' })).toBeVisible();
  await page.goto('/lectures/training');
  await expect(
    page.getByRole('region', { name: 'Worked example: a screening test with 50 ill people in 1000' }),
  ).toContainText('precision');
  expect(guard.consoleErrors).toEqual([]);
});

async function textOf(locator: Locator): Promise<string> {
  return (await locator.innerText()).trim();
}

test('the optimizer playground recomputes when the learning rate changes', async ({ page, guard }) => {
  await page.goto('/lectures/optimization');
  const figure = page.getByTestId('optimizer-playground');
  await expect(figure.locator('svg').first()).toBeVisible();
  const results = figure.getByTestId('optimizer-results');
  const before = await textOf(results);
  const lr = figure.getByLabel(/Learning rate/);
  await lr.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(results).not.toHaveText(before);
  const afterLr = await textOf(results);
  await figure.getByLabel('Surface').selectOption('rosenbrock');
  await expect(results).not.toHaveText(afterLr);
  const momentum = figure.getByLabel(/Momentum ρ/);
  const beforeRho = await textOf(results);
  await momentum.fill('0.5');
  await expect(results).not.toHaveText(beforeRho);
  expect(guard.consoleErrors).toEqual([]);
});

test('the graph stepper steps forward and backward and follows its inputs', async ({ page, guard }) => {
  await page.goto('/lectures/backpropagation');
  const figure = page.getByTestId('graph-stepper');
  const log = figure.getByTestId('graph-log');
  await figure.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(log.locator('li')).toHaveCount(1);
  await expect(log).toContainText('q = x + y = 2');
  await figure.getByRole('button', { name: 'Run all' }).click();
  const summary = figure.getByTestId('graph-summary');
  await expect(summary).toContainText('f = -4');
  await expect(summary).toContainText('∂f/∂x = -2');
  await figure.getByLabel('x', { exact: true }).fill('5');
  await expect(summary).toContainText('f = -8');
  await figure.getByRole('combobox', { name: 'Graph' }).selectOption({ index: 1 });
  await figure.getByRole('button', { name: 'Run all' }).click();
  await expect(summary).toContainText('∂f/∂w0');
  expect(guard.consoleErrors).toEqual([]);
});

test('the activation explorer follows its probe and its choice of function', async ({ page, guard }) => {
  await page.goto('/lectures/activations-initialization');
  const figure = page.getByTestId('activation-explorer');
  await expect(figure.locator('svg').first()).toBeVisible();
  const readout = figure.getByTestId('activation-readout');
  await expect(readout).toContainText('sigmoid: f(1) = 0.7311');
  await figure.getByLabel(/Input x/).fill('0');
  await expect(readout).toContainText('f(0) = 0.5, f′(0) = 0.25');
  await figure.getByLabel('Activation').selectOption('relu');
  await expect(readout).toContainText('ReLU: f(0) = 0, f′(0) = 0');
  await figure.getByLabel(/Input x/).focus();
  await page.keyboard.press('ArrowRight');
  await expect(readout).toContainText('f′(0.1) = 1');
  expect(guard.consoleErrors).toEqual([]);
});

test('the convolution explorer computes output sizes and moves its window', async ({ page, guard }) => {
  await page.goto('/lectures/convolutional-networks');
  const figure = page.getByTestId('conv-explorer');
  const readout = figure.getByTestId('conv-readout');
  await expect(readout).toContainText('the output is 4 × 4');
  await figure.getByLabel(/Padding/).fill('1');
  await expect(readout).toContainText('the output is 6 × 6');
  await figure.getByLabel(/Stride/).fill('2');
  await expect(readout).toContainText('the output is 3 × 3');
  await expect(readout).toContainText('never covered');
  const position = figure.getByLabel(/Output position/);
  await position.focus();
  await page.keyboard.press('ArrowRight');
  await expect(figure).toContainText('Output position (0, 1)');
  expect(guard.consoleErrors).toEqual([]);
});

test('the attention heatmap reacts to the mask and to edited queries', async ({ page, guard }) => {
  await page.goto('/lectures/attention-transformers');
  const figure = page.getByTestId('attention-heatmap');
  await expect(figure.locator('svg').first()).toBeVisible();
  const weights = figure.getByTestId('attention-weights');
  const firstRow = weights.locator('tr').first();
  const before = await firstRow.innerText();
  await figure.getByLabel('Causal mask').check();
  await expect(firstRow).toContainText('1.000');
  await expect(firstRow).not.toHaveText(before);
  const masked = await weights.innerText();
  await figure.getByLabel('Q like component 1').fill('3');
  await expect(weights).not.toHaveText(masked);
  expect(guard.consoleErrors).toEqual([]);
});
