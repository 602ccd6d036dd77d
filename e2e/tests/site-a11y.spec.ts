import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures/page-guard.ts';
import { demo, exerciseFile, signIn, signUp, submitAndWait } from '../fixtures/site.ts';

async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test.describe('accessibility', () => {
  test('student pages have no serious or critical axe violations', async ({ page, guard }) => {
    void guard;
    test.setTimeout(90_000);
    for (const path of ['/', '/sign-in', '/sign-up']) {
      await page.goto(path);
      expect(await seriousViolations(page), path).toEqual([]);
    }
    await signUp(page);
    const submission = await submitAndWait(page.request, exerciseFile('affine-layer', 'starter.ts'));
    await page.goto('/');
    expect(await seriousViolations(page), 'home, signed in').toEqual([]);
    await page.goto('/exercises/affine-layer');
    await expect(page.getByTestId('editor').locator('.monaco-editor')).toBeVisible({ timeout: 15_000 });
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(page.getByTestId('run-result')).toBeVisible({ timeout: 10_000 });
    expect(await seriousViolations(page), 'exercise page').toEqual([]);
    await page.goto(`/submissions/${submission.id}`);
    expect(await seriousViolations(page), 'submission page').toEqual([]);
    await page.goto('/questions');
    expect(await seriousViolations(page), 'question bank').toEqual([]);
    // every kind of answer input: shape, integer, constraint; expression, numeric, multi-select;
    // matching, ordering, text; matrix; yes/no with a reason
    for (const id of [
      'conv-output-size',
      'sigmoid-derivative',
      'lstm-gates',
      'backprop-two-layer',
      'dropout-twice',
    ]) {
      await page.goto(`/questions/${id}?seed=3`);
      expect(await seriousViolations(page), `question ${id}`).toEqual([]);
    }
    await page.goto('/classes');
    expect(await seriousViolations(page), 'classes').toEqual([]);
  });

  test('formulas are read out: MathML beside KaTeX\u2019s HTML, with a name for each formula', async ({
    page,
    guard,
  }) => {
    void guard;
    test.setTimeout(60_000);
    const formulaNames = async (): Promise<string[]> => {
      const formulas = page.locator('.katex');
      expect(await formulas.count()).toBeGreaterThan(0);
      const names: string[] = [];
      for (const i of [0, 1, 2]) names.push(await formulas.nth(i).ariaSnapshot());
      return names;
    };
    await page.goto('/lectures/backpropagation');
    expect(await seriousViolations(page), 'lecture').toEqual([]);
    for (const name of await formulaNames()) expect(name).toMatch(/^- math: \S/);
    await expect(page.getByRole('math').first()).toBeAttached();
    await signUp(page);
    await page.goto('/exercises/affine-layer');
    await expect(page.getByTestId('editor').locator('.monaco-editor')).toBeVisible({ timeout: 15_000 });
    for (const name of await formulaNames()) expect(name).toMatch(/^- math: \S/);
  });

  test('instructor pages have no serious or critical axe violations', async ({ page, guard }) => {
    void guard;
    test.setTimeout(60_000);
    await signIn(page, demo.instructor);
    for (const path of [
      '/instructor',
      '/instructor/exercises/affine-layer',
      '/instructor/submissions',
      '/instructor/gradebook',
      '/classes',
    ]) {
      await page.goto(path);
      expect(await seriousViolations(page), path).toEqual([]);
    }
  });

  test('the exercise page works with the keyboard alone', async ({ page, guard }) => {
    void guard;
    test.setTimeout(60_000);
    await signUp(page);
    await page.goto('/exercises/affine-layer');
    await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled({ timeout: 20_000 });
    // Tab reaches the editor.
    let inEditor = false;
    for (let i = 0; i < 30 && !inEditor; i++) {
      await page.keyboard.press('Tab');
      inEditor = await page.evaluate(() => Boolean(document.activeElement?.closest('.monaco-editor')));
    }
    expect(inEditor, 'Tab reaches the code editor').toBe(true);
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.type('\n// typed with the keyboard');
    await expect(page.getByTestId('editor')).toContainText('typed with the keyboard');
    // Ctrl+M makes Tab leave the editor; the next stop is Run, and Enter runs.
    await page.keyboard.press('Control+M');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('run-result')).toBeVisible({ timeout: 10_000 });
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Submit' })).toBeFocused();
  });
});
