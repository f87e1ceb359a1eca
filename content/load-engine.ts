import { extensionRuntime } from './extension-api';
import { CARD_PATH, ENGINE_PATH } from './lazy-paths';
import type { CardModule } from './lazy-tooltip';

type Engine = typeof import('./engine');

/** Imports a module of the extension's own once; a failed load is retried on the next call. */
function once<T>(path: string): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () =>
    (loaded ??= (import(/* @vite-ignore */ extensionRuntime().getURL(path)) as Promise<T>).catch((e: unknown) => {
      loaded = undefined;
      throw e;
    }));
}

/** The engine, built by scripts/lazy-chunks.ts and web-accessible for this alone. */
export const loadEngine = once<Engine>(ENGINE_PATH);
/** The card, imported by the engine on first use. */
export const loadCard = once<CardModule>(CARD_PATH);
