import { isPrecheckRequest } from './protocol';

/**
 * The background's listener for the first stage's precheck: whether the text it sent may hold a
 * term, by `mayHold` (the glossary's precheck). Other messages are left alone (undefined), for any
 * other listener.
 */
export const precheckAnswerer =
  (mayHold: (text: string) => boolean) =>
  (message: unknown): Promise<boolean> | undefined =>
    isPrecheckRequest(message) ? Promise.resolve(mayHold(message.text)) : undefined;
