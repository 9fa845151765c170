// A counting semaphore: at most `slots` pieces of work at once, the rest wait in order.
// Photo processing decodes whole images; two hundred at once would need gigabytes, so each
// process works through them a few at a time (the month-end peak of SECURITY.md).

export class Limiter {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly slots: number) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.active >= this.slots) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active++;
    try {
      return await work();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }

  get pending(): number {
    return this.waiting.length;
  }
}
