import { CONTENT_ANSWER, isContentRequest, type ContentAnswer } from '../messaging/protocol';
import type { FirstStageRuntime, MessageListener } from './extension-api';

/**
 * Leaves `answer` where the extension's popup and background reach it: on the global object of this
 * isolated world, which their `scripting.executeScript` shares and pages cannot see (ask-tab.ts).
 * Returns the undo, which leaves a newer answerer in place.
 */
export function offerAnswer(answer: ContentAnswer, scope: object = globalThis): () => void {
  const slot = scope as Record<string, unknown>;
  slot[CONTENT_ANSWER] = answer;
  return () => {
    if (slot[CONTENT_ANSWER] === answer) delete slot[CONTENT_ANSWER];
  };
}

/**
 * The same answer by runtime message too, for an asker that may not run scripts in the tab (an
 * extension page the user did not open from the toolbar, in Chromium): only where the runtime is
 * touched anyway (a page with terms, a document that is not marked). Returns the undo.
 */
export function listenWithAnswer(runtime: FirstStageRuntime, answer: ContentAnswer): () => void {
  const onMessage: MessageListener = (msg, _sender, sendResponse) => {
    if (!isContentRequest(msg)) return;
    void answer(msg).then(sendResponse);
    return true;
  };
  runtime.onMessage.addListener(onMessage);
  return () => {
    try {
      runtime.onMessage.removeListener(onMessage);
    } catch {
      // An orphan's API may refuse: its listener can never be called again anyway.
    }
  };
}
