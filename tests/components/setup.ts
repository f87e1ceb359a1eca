import { cleanup } from '@testing-library/preact';
import { afterEach, beforeEach, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';

/** What a test says the active tab is and how its content script answers (undefined: no content script). */
export interface FakeTab {
  url?: string;
  reply?: (message: { type: string; termId?: string }) => unknown;
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
