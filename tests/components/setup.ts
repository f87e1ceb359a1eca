import { cleanup } from '@testing-library/preact';
import { afterEach, beforeEach, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';

/** What a test says the active tab is and how its content script answers (undefined: no content script). */
export interface FakeTab {
  url?: string;
  reply?: (message: { type: string; termId?: string }) => unknown;
  /** The browser lets the extension run no script in the tab (Chromium without activeTab): runtime messages only. */
  scriptsBlocked?: boolean;
  /** The content script's answers in the tab's other frames. */
  frames?: ((message: { type: string; termId?: string }) => unknown)[];
}

/** Resets the fake browser and stubs the tab APIs the popup uses, which the fake does not implement. */
export function useFakeTab(tab: () => FakeTab) {
  const sent: unknown[] = [];
  beforeEach(() => {
    fakeBrowser.reset();
    sent.length = 0;
    vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation(async () => [
      { id: 7, index: 0, windowId: 1, url: tab().url, active: true, highlighted: true, pinned: false, incognito: false } as never,
    ]);
    // The content script's answer in each frame, as executeScript returns it (top frame first).
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation((async (injection: { args?: unknown[] }) => {
      const message = injection.args?.[1] as { type: string };
      const { reply, frames = [], scriptsBlocked } = tab();
      if (scriptsBlocked) throw new Error('Cannot access contents of the page.');
      sent.push(message);
      if (!reply) return [{ frameId: 0, result: null }];
      return Promise.all(
        [reply, ...frames].map(async (answer, frameId) => ({ frameId, result: (await answer(message)) ?? null })),
      );
    }) as never);
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (_id: number, message: { type: string }) => {
      sent.push(message);
      const reply = tab().reply;
      if (!reply) throw new Error('Could not establish connection. Receiving end does not exist.');
      return reply(message);
    }) as never);
  });
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });
  return sent;
}
