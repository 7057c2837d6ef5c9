/**
 * Wakes a polling loop early. A notification that arrives while the loop is busy is remembered, so the loop
 * never sleeps past an event it was told about.
 */
export type Wake = 'notified' | 'timeout' | 'interrupted';

export class WakeSignal {
  private pending = false;
  private current?: { done: (why: Wake) => void; notifiable: boolean };

  notify(): void {
    if (this.current?.notifiable) this.current.done('notified');
    else this.pending = true;
  }

  /** Resolves after `ms`, or earlier on interrupt() or, when `notifiable`, on notify(); says which. */
  wait(ms: number, notifiable = true): Promise<Wake> {
    if (notifiable && this.pending) {
      this.pending = false;
      return Promise.resolve('notified');
    }
    return new Promise((resolve) => {
      const done = (why: Wake) => {
        clearTimeout(timer);
        this.current = undefined;
        resolve(why);
      };
      const timer = setTimeout(() => done('timeout'), ms);
      this.current = { done, notifiable };
    });
  }

  /** Whether a notification arrived while nobody waited; forgets it. */
  takePending(): boolean {
    const pending = this.pending;
    this.pending = false;
    return pending;
  }

  interrupt(): void {
    this.current?.done('interrupted');
  }
}
