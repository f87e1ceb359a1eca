declare global {
  // `scheduler` is in Chromium and recent Firefox; typed here until lib.dom has it.
  var scheduler:
    | {
        yield?: () => Promise<void>;
        postTask?: (cb: () => void, opts: { priority: 'user-visible' | 'background' }) => Promise<void>;
      }
    | undefined;
}

/**
 * Gives the page's own work a turn. For the visible part of a page `scheduler.yield` keeps our
 * place in line; the rest of a long page waits behind the page's timers and input
 * (`postTask` at background priority), or a plain macrotask where that is missing.
 */
export function yieldToPage(priority: 'user-visible' | 'background' = 'user-visible'): Promise<void> {
  const s = typeof scheduler === 'undefined' ? undefined : scheduler;
  if (priority === 'user-visible' && typeof s?.yield === 'function') return s.yield();
  if (priority === 'background' && typeof s?.postTask === 'function') return s.postTask(() => undefined, { priority });
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

/**
 * Resolves once the page is idle, or after `timeoutMs` at most: a read of its rendered text then
 * finds the layout done instead of forcing it (a pending layout forced inside our task made it long).
 * Where idle callbacks are missing, in the next task.
 */
export function whenIdle(win: Pick<Window, 'requestIdleCallback'> | null | undefined, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    if (typeof win?.requestIdleCallback === 'function') win.requestIdleCallback(() => resolve(), { timeout: timeoutMs });
    else setTimeout(resolve, 0);
  });
}

/** Resolves in the task after the page's next rendering update (or after 100 ms where none comes). */
export function afterNextPaint(doc: Document): Promise<void> {
  const win = doc.defaultView;
  if (!win) return Promise.resolve();
  return new Promise((resolve) => {
    const fallback = win.setTimeout(resolve, 100);
    win.requestAnimationFrame(() =>
      win.setTimeout(() => {
        win.clearTimeout(fallback);
        resolve();
      }, 0),
    );
  });
}

/**
 * Runs `fn` once, in the next animation frame, or after `fallbackMs` where frames do not run (a
 * tab in the background), or at once-ish where there are no frames at all (tests).
 */
export function inNextFrame(
  fn: () => void,
  fallbackMs: number,
  win: Pick<Window, 'requestAnimationFrame'> | undefined = globalThis,
): void {
  if (typeof win?.requestAnimationFrame !== 'function') return void setTimeout(fn, 0);
  let done = false;
  const once = (): void => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    fn();
  };
  const timer = setTimeout(once, fallbackMs);
  win.requestAnimationFrame(once);
}
