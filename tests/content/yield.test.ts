import { describe, expect, it } from 'vitest';
import { whenIdle } from '../../content/yield';

describe('whenIdle', () => {
  it('should resolve only when the browser calls back idle, asking for a call within the timeout', async () => {
    const calls: { run: () => void; timeout?: number }[] = [];
    const win = { requestIdleCallback: (run: () => void, o?: { timeout?: number }) => calls.push({ run, timeout: o?.timeout }) };
    let resolved = false;
    const idle = whenIdle(win as unknown as Window, 700).then(() => (resolved = true));
    await new Promise((r) => setTimeout(r, 10));
    expect(resolved).toBe(false);
    expect(calls.map((c) => c.timeout)).toEqual([700]);
    calls[0]!.run();
    await idle;
    expect(resolved).toBe(true);
  });

  it('should resolve in a later task where idle callbacks are missing (or there is no window)', async () => {
    await expect(whenIdle({} as Window, 700)).resolves.toBeUndefined();
    await expect(whenIdle(null, 700)).resolves.toBeUndefined();
  });
});
