// Background work inside the app process (started from instrumentation.ts): the mail
// worker every MAIL_POLL_SECONDS (default 5) and the schedule once a minute. Stoppable;
// tests call the worker's tick and runDueJobs directly instead.
import { createMailWorker, type MailWorker } from '@/lib/mail/worker';
import { runDueJobs } from './scheduler';

export interface BackgroundJobs {
  worker: MailWorker;
  stop(): Promise<void>;
}

export function startBackgroundJobs(options: { pollMs?: number; scheduleMs?: number } = {}): BackgroundJobs {
  const pollMs = options.pollMs ?? Math.max(1, Number(process.env.MAIL_POLL_SECONDS ?? 5)) * 1000;
  const scheduleMs = options.scheduleMs ?? 60_000;
  const worker = createMailWorker();
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  let lastSchedule = 0;
  let timer: NodeJS.Timeout | undefined;

  const loop = async () => {
    if (stopped) return;
    running = (async () => {
      try {
        if (Date.now() - lastSchedule >= scheduleMs) {
          lastSchedule = Date.now();
          await runDueJobs();
        }
      } catch (error) {
        console.error('[planificateur] échec :', error);
      }
      try {
        // Drain what is due, one batch after the other.
        while (!stopped && (await worker.tick()).claimed > 0);
      } catch (error) {
        console.error('[courriel] échec du passage du worker :', error);
      }
    })();
    await running;
    if (!stopped) {
      timer = setTimeout(() => void loop(), pollMs);
      timer.unref();
    }
  };
  timer = setTimeout(() => void loop(), 1000);
  timer.unref();

  return {
    worker,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
      worker.close();
    },
  };
}

/** Starts the jobs once per process (dev reloads call register() again), when they may run. */
export function startInProcess(): BackgroundJobs | undefined {
  if (process.env.NEXT_PHASE === 'phase-production-build') return undefined;
  if (!process.env.DATABASE_URL || process.env.MAIL_WORKER === 'off') return undefined;
  const g = globalThis as unknown as { __tiBackgroundJobs?: BackgroundJobs };
  // Timers are unref'd: they never keep the process alive. `__tiBackgroundJobs.stop()` ends them.
  g.__tiBackgroundJobs ??= startBackgroundJobs();
  return g.__tiBackgroundJobs;
}
