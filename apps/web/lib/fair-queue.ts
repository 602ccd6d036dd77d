/**
 * Runs jobs at most `capacity` at a time, fairly across owners: each owner has a FIFO of its own;
 * a free slot goes to the waiting owner with the fewest running jobs, then the fewest started
 * since its backlog began, then the earliest turn (round-robin).
 * One account's ten slow submissions wait behind each other, not in front of everyone else's.
 */
export class FairQueue {
  private readonly queues = new Map<string, (() => Promise<void>)[]>();
  /** owners with waiting jobs, in the order they get their next turn */
  private readonly turns: string[] = [];
  private active = 0;
  private readonly running = new Map<string, number>();
  /** jobs started per owner since it last had nothing queued or running */
  private readonly served = new Map<string, number>();

  constructor(private readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new RangeError(`capacity must be >= 1, got ${capacity}`);
  }

  /** jobs waiting for a turn */
  get waiting(): number {
    let n = 0;
    for (const queue of this.queues.values()) n += queue.length;
    return n;
  }

  /** Queues `job` for `owner`; it starts when a slot is free and it is that owner's turn. */
  push(owner: string, job: () => Promise<void>): void {
    const queue = this.queues.get(owner);
    if (queue) queue.push(job);
    else {
      this.queues.set(owner, [job]);
      this.turns.push(owner);
    }
    this.pump();
  }

  /** The index in `turns` of the owner to serve next. */
  private next(): number {
    const rank = (owner: string) => [this.running.get(owner) ?? 0, this.served.get(owner) ?? 0] as const;
    let best = 0;
    for (let i = 1; i < this.turns.length; i++) {
      const [running, served] = rank(this.turns[i] as string);
      const [bestRunning, bestServed] = rank(this.turns[best] as string);
      if (running < bestRunning || (running === bestRunning && served < bestServed)) best = i;
    }
    return best;
  }

  private pump(): void {
    while (this.active < this.capacity && this.turns.length > 0) {
      const [owner] = this.turns.splice(this.next(), 1) as [string];
      const queue = this.queues.get(owner) as (() => Promise<void>)[];
      const job = queue.shift() as () => Promise<void>;
      if (queue.length > 0) this.turns.push(owner);
      else this.queues.delete(owner);
      this.served.set(owner, (this.served.get(owner) ?? 0) + 1);
      this.active += 1;
      this.running.set(owner, (this.running.get(owner) ?? 0) + 1);
      void job()
        .catch(() => undefined)
        .finally(() => {
          this.active -= 1;
          const left = (this.running.get(owner) ?? 1) - 1;
          if (left > 0) this.running.set(owner, left);
          else {
            this.running.delete(owner);
            if (!this.queues.has(owner)) this.served.delete(owner);
          }
          this.pump();
        });
    }
  }
}
