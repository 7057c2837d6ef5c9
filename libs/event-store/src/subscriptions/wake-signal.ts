/**
 * Wakes a polling loop early. A notification that arrives while the loop is busy is remembered, so the loop
 * never sleeps past an event it was told about.
 */
export type WakeReason = 'notified' | 'timeout' | 'interrupted';

export class WakeSignal {
  private pending = false;
  private current?: { done: (why: WakeReason) => void; notifiable: boolean };

  notify(): void {
    if (this.current?.notifiable) this.current.done('notified');
    else this.pending = true;
  }

  /** Resolves after `ms`, or earlier on interrupt() or, when `notifiable`, on notify(). */
  wait(ms: number, notifiable = true): Promise<WakeReason> {
    if (notifiable && this.pending) {
      this.pending = false;
      return Promise.resolve('notified');
    }
    return new Promise((resolve) => {
      const done = (why: WakeReason) => {
        clearTimeout(timer);
        this.current = undefined;
        resolve(why);
      };
      const timer = setTimeout(() => done('timeout'), ms);
      this.current = { done, notifiable };
    });
  }

  interrupt(): void {
    this.current?.done('interrupted');
  }
}
