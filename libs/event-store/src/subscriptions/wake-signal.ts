/**
 * Wakes a polling loop early. A notification that arrives while the loop is busy is remembered, so the loop
 * never sleeps past an event it was told about.
 */
export class WakeSignal {
  private pending = false;
  private current?: { done: () => void; notifiable: boolean };

  notify(): void {
    if (this.current?.notifiable) this.current.done();
    else this.pending = true;
  }

  /** Resolves after `ms`, or earlier on interrupt() or, when `notifiable`, on notify(). */
  wait(ms: number, notifiable = true): Promise<void> {
    if (notifiable && this.pending) {
      this.pending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.current = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.current = { done, notifiable };
    });
  }

  interrupt(): void {
    this.current?.done();
  }
}
