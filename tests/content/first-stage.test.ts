import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FirstStageRuntime, MessageListener } from '../../content/extension-api';
import { answerUnsupported, runOnPage } from '../../content/first-stage';
import type { PageSession } from '../../content/session';

/** A runtime that keeps its listeners, and sends a message the way a browser would. */
function fakeRuntime() {
  const listeners = new Set<MessageListener>();
  const runtime: FirstStageRuntime = {
    id: 'test-extension',
    getURL: (p) => `ext://${p}`,
    onMessage: { addListener: (l) => void listeners.add(l), removeListener: (l) => void listeners.delete(l) },
  };
  const send = (msg: unknown): { kept: boolean; reply: Promise<unknown> } => {
    let kept = false;
    const reply = new Promise<unknown>((resolve) => {
      for (const l of listeners) if (l(msg, {}, resolve) === true) kept = true;
    });
    return { kept, reply };
  };
  return { runtime, listeners, send };
}

const session = (counts: [string, number][]): PageSession => ({
  ready: Promise.resolve(),
  counts: () => counts,
  jump: async () => true,
  explain: () => 'kyphosis',
});

describe('runOnPage (the first stage)', () => {
  afterEach(() => document.body.replaceChildren());

  it('should answer "terms" at once with no counts and the hostname while the engine is not loaded', async () => {
    const { runtime, send } = fakeRuntime();
    const startEngine = vi.fn(async () => session([['kyphosis', 2]]));
    runOnPage(document, new AbortController().signal, { runtime, startEngine, mayHold: () => false });
    const { kept, reply } = send({ type: 'hg:terms' });
    expect(kept).toBe(true);
    expect(await reply).toEqual({ counts: [], hostname: document.location.hostname });
    expect(startEngine).not.toHaveBeenCalled();
  });

  it('should start the engine once when the page may hold a term, and then answer from it', async () => {
    const { runtime, send } = fakeRuntime();
    const startEngine = vi.fn(async () => session([['kyphosis', 2]]));
    document.body.append(Object.assign(document.createElement('p'), { textContent: 'kyphosis' }));
    runOnPage(document, new AbortController().signal, { runtime, startEngine, mayHold: (t) => t.includes('kyphosis') });
    await vi.waitFor(() => expect(startEngine).toHaveBeenCalledTimes(1));
    await vi.waitFor(async () => expect(await send({ type: 'hg:terms' }).reply).toMatchObject({ counts: [['kyphosis', 2]] }));
    expect(await send({ type: 'hg:jump', direction: 1 }).reply).toEqual({ found: true });
  });

  it('should leave messages that are not its own to other listeners', () => {
    const { runtime, send } = fakeRuntime();
    runOnPage(document, new AbortController().signal, { runtime, startEngine: vi.fn(), mayHold: () => false });
    expect(send({ type: 'something-else' }).kept).toBe(false);
    expect(send(undefined).kept).toBe(false);
  });

  it('should load the engine for "Explain" on a page without terms, and try again after a failed load', async () => {
    const { runtime, send } = fakeRuntime();
    const startEngine = vi
      .fn<() => Promise<PageSession>>()
      .mockRejectedValueOnce(new Error('offline'))
      .mockResolvedValue(session([]));
    const p = Object.assign(document.createElement('p'), { textContent: 'a word' });
    document.body.append(p);
    document.getSelection()!.selectAllChildren(p);
    runOnPage(document, new AbortController().signal, { runtime, startEngine, mayHold: () => false });
    expect(await send({ type: 'hg:explain', text: 'a word' }).reply).toBeUndefined();
    expect(await send({ type: 'hg:explain', text: 'a word' }).reply).toEqual({ termId: 'kyphosis' });
    expect(startEngine).toHaveBeenCalledTimes(2);
  });

  it('should remove its listener when its signal aborts', () => {
    const { runtime, listeners } = fakeRuntime();
    const controller = new AbortController();
    runOnPage(document, controller.signal, { runtime, startEngine: vi.fn(), mayHold: () => false });
    expect(listeners.size).toBe(1);
    controller.abort();
    expect(listeners.size).toBe(0);
  });
});

describe('runOnPage when its extension is gone (reloaded, updated, disabled or removed)', () => {
  afterEach(() => {
    vi.useRealTimers();
    document.body.replaceChildren();
  });

  it('should stop its session and its listener soon after the runtime loses its id', async () => {
    vi.useFakeTimers();
    const { runtime, listeners } = fakeRuntime();
    let id: string | undefined = 'ext-id';
    Object.defineProperty(runtime, 'id', { get: () => id });
    let sessionSignal: AbortSignal | undefined;
    const startEngine = vi.fn(async (_doc: Document, signal: AbortSignal) => {
      sessionSignal = signal;
      return session([['kyphosis', 1]]);
    });
    document.body.append(Object.assign(document.createElement('p'), { textContent: 'kyphosis' }));
    runOnPage(document, new AbortController().signal, { runtime, startEngine, mayHold: (t) => t.includes('kyphosis') });
    await vi.waitFor(() => expect(startEngine).toHaveBeenCalledTimes(1));
    await vi.advanceTimersByTimeAsync(5000);
    expect(sessionSignal?.aborted).toBe(false);
    expect(listeners.size).toBe(1);
    id = undefined;
    await vi.advanceTimersByTimeAsync(1500);
    expect(sessionSignal?.aborted).toBe(true);
    expect(listeners.size).toBe(0);
    // Nothing is left ticking.
    expect(vi.getTimerCount()).toBe(0);
  });

  it('should not load the engine at all once the extension is gone', async () => {
    const { runtime, listeners } = fakeRuntime();
    Object.defineProperty(runtime, 'id', { get: () => undefined });
    const startEngine = vi.fn(async () => session([]));
    document.body.append(Object.assign(document.createElement('p'), { textContent: 'kyphosis' }));
    runOnPage(document, new AbortController().signal, { runtime, startEngine, mayHold: (t) => t.includes('kyphosis') });
    await vi.waitFor(() => expect(listeners.size).toBe(0));
    expect(startEngine).not.toHaveBeenCalled();
  });
});

describe('answerUnsupported (a document the extension does not mark)', () => {
  it('should tell the popup why, and answer commands without doing anything', async () => {
    const { runtime, send } = fakeRuntime();
    answerUnsupported(runtime, 'pdf', 'example.org');
    expect(await send({ type: 'hg:terms' }).reply).toEqual({ counts: [], hostname: 'example.org', unsupported: 'pdf' });
    expect(await send({ type: 'hg:jump', direction: 1 }).reply).toEqual({ found: false });
    expect(await send({ type: 'hg:explain', text: 'kyphosis' }).reply).toEqual({});
  });
});
