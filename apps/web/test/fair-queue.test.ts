import { describe, expect, it } from 'vitest';
import { FairQueue } from '../lib/fair-queue.ts';

/** A job that records when it starts and finishes after `ms`. */
function recorder() {
  const started: string[] = [];
  const job =
    (name: string, ms = 5) =>
    () =>
      new Promise<void>((resolve) => {
        started.push(name);
        setTimeout(resolve, ms);
      });
  return { started, job };
}

describe('the fair grading queue', () => {
  it("lets another user's submission in before one account's backlog", async () => {
    const queue = new FairQueue(2);
    const { started, job } = recorder();
    for (let i = 0; i < 10; i++) queue.push('alice', job(`alice-${i}`));
    queue.push('bob', job('bob-0'));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(started).toHaveLength(11);
    // two slots: alice's first two start at once; bob, with nothing running, gets the next one
    expect(started.indexOf('bob-0')).toBe(2);
  });

  it('runs at most `capacity` jobs at a time and keeps each user in order', async () => {
    const queue = new FairQueue(2);
    let active = 0;
    let peak = 0;
    const order: string[] = [];
    for (const user of ['a', 'b', 'c'])
      for (let i = 0; i < 3; i++)
        queue.push(user, async () => {
          active += 1;
          peak = Math.max(peak, active);
          order.push(`${user}${i}`);
          await new Promise((resolve) => setTimeout(resolve, 2));
          active -= 1;
        });
    expect(queue.waiting).toBe(7);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(peak).toBe(2);
    expect(order).toHaveLength(9);
    for (const user of ['a', 'b', 'c'])
      expect(order.filter((name) => name.startsWith(user))).toEqual([`${user}0`, `${user}1`, `${user}2`]);
    // a's first two filled the empty slots; then b and c before a's third
    expect(order.indexOf('b0')).toBeLessThan(order.indexOf('a2'));
    expect(order.indexOf('c0')).toBeLessThan(order.indexOf('a2'));
    expect(queue.waiting).toBe(0);
  });

  it('keeps going after a job fails', async () => {
    const queue = new FairQueue(1);
    const { started, job } = recorder();
    queue.push('a', () => Promise.reject(new Error('boom')));
    queue.push('a', job('after'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(started).toEqual(['after']);
  });
});
