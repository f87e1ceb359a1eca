import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FirstStageRuntime, MessageListener } from '../../content/extension-api';
import { answerUnsupported, runOnPage } from '../../content/first-stage';
import type { PageSession } from '../../content/session';
import { FIRST_STAGE_LIMITS } from '../../content/limits';
import { CONTENT_ANSWER, type ContentAnswer } from '../../messaging/protocol';

/**
 * A runtime the test can orphan, how often the first stage read it, and a background that answers
 * its messages with `background` (a thrown error: nobody answered, as lastError says).
 */
function fakeRuntime(background: (message: unknown) => unknown = () => undefined) {
  const state = { id: 'test-extension' as string | undefined, reads: 0, lastError: undefined as { message: string } | undefined };
  const listeners = new Set<MessageListener>();
  const sent: unknown[] = [];
  // One live object, as the browser's: its id goes when the extension does.
  const api: FirstStageRuntime = {
    get id() {
      return state.id;
    },
    get lastError() {
      return state.lastError;
    },
    getURL: (p) => `ext://${p}`,
    sendMessage: (message, callback) => {
      sent.push(message);
      queueMicrotask(() => {
        try {
          callback(background(message));
        } catch (e) {
          state.lastError = { message: (e as Error).message };
          callback(undefined);
          state.lastError = undefined;
        }
      });
    },
    onMessage: { addListener: (l) => void listeners.add(l), removeListener: (l) => void listeners.delete(l) },
  };
  /** A runtime message, as a browser delivers it: the reply, and whether a listener kept the channel open. */
  const send = (msg: unknown): { kept: boolean; reply: Promise<unknown> } => {
    let kept = false;
    const reply = new Promise<unknown>((resolve) => {
      for (const l of listeners) if (l(msg, {}, resolve) === true) kept = true;
    });
    return { kept, reply };
  };
  const runtime = (): FirstStageRuntime => {
    state.reads++;
    return api;
  };
  return { runtime, state, listeners, send, sent };
}

/** What the popup's executeScript finds in this isolated world (messaging/ask-tab.ts). */
const slot = (): ContentAnswer | undefined =>
  (globalThis as Record<string, unknown>)[CONTENT_ANSWER] as ContentAnswer | undefined;
const ask = (req: unknown): Promise<unknown> => slot()!(req as never);

const session = (counts: [string, number][]): PageSession => ({
  ready: Promise.resolve(),
  counts: () => counts,
  jump: async () => true,
  explain: () => 'kyphosis',
});

/** A page's life for one test: ended after it, so no test's observer or timer reaches the next. */
const lives: AbortController[] = [];
const pageSignal = (): AbortSignal => {
  const c = new AbortController();
  lives.push(c);
  return c.signal;
};

afterEach(() => {
  for (const c of lives.splice(0)) c.abort();
  delete (globalThis as Record<string, unknown>)[CONTENT_ANSWER];
  vi.useRealTimers();
  document.body.replaceChildren();
});

describe('runOnPage (the first stage)', () => {
  it('should answer "terms" with no counts and the hostname, without touching the runtime or the engine', async () => {
    const { runtime, state } = fakeRuntime();
    const startEngine = vi.fn(async () => session([['kyphosis', 2]]));
    runOnPage(document, pageSignal(), { runtime, startEngine, mayHold: async () => false });
    expect(state.reads).toBe(0);
    expect(await ask({ type: 'hg:terms' })).toEqual({ counts: [], hostname: document.location.hostname });
    expect(startEngine).not.toHaveBeenCalled();
  });

  it('should start the engine once when the page may hold a term, and then answer from it', async () => {
    const { runtime } = fakeRuntime();
    const startEngine = vi.fn(async () => session([['kyphosis', 2]]));
    document.body.append(Object.assign(document.createElement('p'), { textContent: 'kyphosis' }));
    runOnPage(document, pageSignal(), { runtime, startEngine, mayHold: async (t) => t.includes('kyphosis') });
    await vi.waitFor(() => expect(startEngine).toHaveBeenCalledTimes(1));
    await vi.waitFor(async () => expect(await ask({ type: 'hg:terms' })).toMatchObject({ counts: [['kyphosis', 2]] }));
    expect(await ask({ type: 'hg:jump', direction: 1 })).toEqual({ found: true });
  });

  it('should listen for runtime messages only once the engine runs, with the same answers', async () => {
    const { runtime, listeners, send } = fakeRuntime();
    let wake!: () => void;
    const woken = new Promise<void>((r) => (wake = r));
    const startEngine = vi.fn(async () => {
      await woken;
      return session([['kyphosis', 2]]);
    });
    document.body.append(Object.assign(document.createElement('p'), { textContent: 'kyphosis' }));
    const controller = new AbortController();
    runOnPage(document, controller.signal, { runtime, startEngine, mayHold: async (t) => t.includes('kyphosis') });
    await vi.waitFor(() => expect(startEngine).toHaveBeenCalled());
    expect(listeners.size).toBe(0);
    wake();
    await vi.waitFor(() => expect(listeners.size).toBe(1));
    const { kept, reply } = send({ type: 'hg:terms' });
    expect(kept).toBe(true);
    expect(await reply).toMatchObject({ counts: [['kyphosis', 2]] });
    expect(send({ type: 'something-else' }).kept).toBe(false);
    controller.abort();
    expect(listeners.size).toBe(0);
  });

  it('should answer nothing to requests that are not its own', async () => {
    const { runtime, state } = fakeRuntime();
    runOnPage(document, pageSignal(), { runtime, startEngine: vi.fn(), mayHold: async () => false });
    expect(state.reads).toBe(0);
    expect(await ask({ type: 'something-else' })).toBeUndefined();
    expect(await ask(undefined)).toBeUndefined();
  });

  it('should load the engine for "Explain" on a page without terms, and try again after a failed load', async () => {
    const { runtime } = fakeRuntime();
    const startEngine = vi
      .fn<() => Promise<PageSession>>()
      .mockRejectedValueOnce(new Error('offline'))
      .mockResolvedValue(session([]));
    const p = Object.assign(document.createElement('p'), { textContent: 'a word' });
    document.body.append(p);
    document.getSelection()!.selectAllChildren(p);
    runOnPage(document, pageSignal(), { runtime, startEngine, mayHold: async () => false });
    expect(await ask({ type: 'hg:explain', text: 'a word' })).toBeUndefined();
    expect(await ask({ type: 'hg:explain', text: 'a word' })).toEqual({ termId: 'kyphosis' });
    expect(startEngine).toHaveBeenCalledTimes(2);
  });

  it('should take its answer away when its signal aborts, and leave a newer one in place', () => {
    const { runtime } = fakeRuntime();
    const first = new AbortController();
    runOnPage(document, first.signal, { runtime, startEngine: vi.fn(), mayHold: async () => false });
    expect(slot()).toBeTypeOf('function');
    first.abort();
    expect(slot()).toBeUndefined();
    const second = new AbortController();
    runOnPage(document, second.signal, { runtime, startEngine: vi.fn(), mayHold: async () => false });
    const newer = slot();
    runOnPage(document, pageSignal(), { runtime, startEngine: vi.fn(), mayHold: async () => false });
    const newest = slot();
    second.abort();
    expect(newer).not.toBe(newest);
    expect(slot()).toBe(newest);
  });
});

describe('runOnPage asking the background whether the page may hold a term', () => {
  const page = (text: string): void =>
    void document.body.append(Object.assign(document.createElement('p'), { textContent: text }));

  it('should send the page text once and start the engine when the background says yes', async () => {
    const { runtime, sent } = fakeRuntime((m) => (m as { text: string }).text.includes('kyphosis'));
    const startEngine = vi.fn(async () => session([['kyphosis', 1]]));
    page('A curve called kyphosis.');
    runOnPage(document, pageSignal(), { runtime, startEngine });
    await vi.waitFor(() => expect(startEngine).toHaveBeenCalledTimes(1));
    expect(sent).toEqual([{ type: 'hg:precheck', text: expect.stringContaining('kyphosis') as unknown }]);
  });

  it('should read and send the page text only once the page is idle, so it forces no pending layout', async () => {
    const { runtime, sent } = fakeRuntime(() => true);
    const startEngine = vi.fn(async () => session([['kyphosis', 1]]));
    const idle: { run: () => void; timeout?: number }[] = [];
    const win = document.defaultView as unknown as Record<string, unknown>;
    win.requestIdleCallback = (run: () => void, o?: { timeout?: number }) => idle.push({ run, timeout: o?.timeout });
    try {
      page('A curve called kyphosis.');
      runOnPage(document, pageSignal(), { runtime, startEngine });
      await new Promise((r) => setTimeout(r, 20));
      expect(sent).toEqual([]);
      expect(idle).toHaveLength(1);
      expect(idle[0]!.timeout).toBe(FIRST_STAGE_LIMITS.firstReadIdleMs);
      idle[0]!.run();
      await vi.waitFor(() => expect(startEngine).toHaveBeenCalledTimes(1));
      expect(sent).toHaveLength(1);
    } finally {
      delete win.requestIdleCallback;
    }
  });

  it('should load nothing when the background says no', async () => {
    const { runtime, sent } = fakeRuntime(() => false);
    const startEngine = vi.fn(async () => session([]));
    page('Roses and tulips.');
    runOnPage(document, pageSignal(), { runtime, startEngine });
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    await new Promise((r) => setTimeout(r, 0));
    expect(startEngine).not.toHaveBeenCalled();
  });

  it('should start the engine ("maybe") when the background does not answer, rather than lose the marks', async () => {
    const { runtime } = fakeRuntime(() => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    const startEngine = vi.fn(async () => session([]));
    page('Roses and tulips.');
    runOnPage(document, pageSignal(), { runtime, startEngine });
    await vi.waitFor(() => expect(startEngine).toHaveBeenCalledTimes(1));
  });

  it('should send nothing for a page without text', async () => {
    const { runtime, sent } = fakeRuntime(() => true);
    const startEngine = vi.fn(async () => session([]));
    runOnPage(document, pageSignal(), { runtime, startEngine });
    await new Promise((r) => setTimeout(r, 0));
    expect(sent).toEqual([]);
    expect(startEngine).not.toHaveBeenCalled();
  });
});

describe('runOnPage when its extension is gone (reloaded, updated, disabled or removed)', () => {
  it('should stop its session, its answer and its listener soon after the runtime loses its id', async () => {
    vi.useFakeTimers();
    const { runtime, state, listeners } = fakeRuntime();
    let sessionSignal: AbortSignal | undefined;
    const startEngine = vi.fn(async (_doc: Document, signal: AbortSignal) => {
      sessionSignal = signal;
      return session([['kyphosis', 1]]);
    });
    document.body.append(Object.assign(document.createElement('p'), { textContent: 'kyphosis' }));
    runOnPage(document, pageSignal(), { runtime, startEngine, mayHold: async (t) => t.includes('kyphosis') });
    await vi.waitFor(() => expect(startEngine).toHaveBeenCalledTimes(1));
    await vi.advanceTimersByTimeAsync(5000);
    expect(sessionSignal?.aborted).toBe(false);
    expect(slot()).toBeTypeOf('function');
    expect(listeners.size).toBe(1);
    state.id = undefined;
    await vi.advanceTimersByTimeAsync(1500);
    expect(sessionSignal?.aborted).toBe(true);
    expect(slot()).toBeUndefined();
    expect(listeners.size).toBe(0);
    // Nothing is left ticking.
    expect(vi.getTimerCount()).toBe(0);
  });

  it('should not load the engine at all once the extension is gone', async () => {
    const { runtime, state } = fakeRuntime();
    state.id = undefined;
    const startEngine = vi.fn(async () => session([]));
    document.body.append(Object.assign(document.createElement('p'), { textContent: 'kyphosis' }));
    runOnPage(document, pageSignal(), { runtime, startEngine, mayHold: async (t) => t.includes('kyphosis') });
    await vi.waitFor(() => expect(slot()).toBeUndefined());
    expect(startEngine).not.toHaveBeenCalled();
  });

  it('should answer nothing when asked after its extension went, so the popup says to reload', async () => {
    const { runtime, state } = fakeRuntime();
    runOnPage(document, pageSignal(), { runtime, startEngine: vi.fn(), mayHold: async () => false });
    const answer = slot()!;
    state.id = undefined;
    expect(await answer({ type: 'hg:terms' })).toBeUndefined();
    expect(slot()).toBeUndefined();
  });
});

describe('answerUnsupported (a document the extension does not mark)', () => {
  it('should tell the popup why, and answer commands without doing anything', async () => {
    const { runtime, send } = fakeRuntime();
    answerUnsupported(runtime(), 'pdf', 'example.org');
    expect(await ask({ type: 'hg:terms' })).toEqual({ counts: [], hostname: 'example.org', unsupported: 'pdf' });
    expect(await send({ type: 'hg:terms' }).reply).toEqual({ counts: [], hostname: 'example.org', unsupported: 'pdf' });
    expect(await ask({ type: 'hg:jump', direction: 1 })).toEqual({ found: false });
    expect(await ask({ type: 'hg:explain', text: 'kyphosis' })).toEqual({});
    expect(await ask({ type: 'other' })).toBeUndefined();
  });
});
