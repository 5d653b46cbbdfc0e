// The pause of a background loop (the outbox relay, the webhook worker): it waits its poll time,
// or less when woken — by a commit's nudge, or by stop() so shutdown need not wait the period out.
export interface WakeableSleep {
  sleep(ms: number): Promise<void>;
  wake(): void;
}

export function wakeableSleep(): WakeableSleep {
  let wake: (() => void) | null = null;
  let timer: NodeJS.Timeout | null = null;
  return {
    sleep: (ms) =>
      new Promise<void>((resolve) => {
        wake = resolve;
        timer = setTimeout(resolve, ms);
      }).finally(() => {
        wake = null;
        if (timer) clearTimeout(timer);
      }),
    wake: () => wake?.(),
  };
}
