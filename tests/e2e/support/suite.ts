import { afterAll, beforeAll, describe } from 'vitest';
import { BROWSERS, type TestBrowser } from './browsers';
import { FIXTURES } from './paths';
import { serve, type StaticServer } from './server';
import type { BrowserName } from './tabs';

/** What a suite's tests use: the browser with the extension, and the server of the test pages. */
export interface BrowserSuite {
  readonly name: BrowserName;
  readonly browser: TestBrowser;
  readonly server: StaticServer;
}

/**
 * One describe block per browser (`%s` in the title is its name): the browser with the built
 * extension and a server of `mounts` start before its tests and close after them.
 */
export function describeEachBrowser(
  title: string,
  body: (suite: BrowserSuite) => void,
  { mounts = { fixtures: FIXTURES }, timeoutMs = 90_000 }: { mounts?: Record<string, string>; timeoutMs?: number } = {},
): void {
  describe.each(Object.keys(BROWSERS) as BrowserName[])(title, (name) => {
    let browser: TestBrowser | undefined;
    let server: StaticServer | undefined;
    beforeAll(async () => {
      server = await serve(mounts);
      browser = await BROWSERS[name]();
    }, timeoutMs);
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });
    const started = <T>(x: T | undefined, what: string): T => {
      if (x === undefined) throw new Error(`the ${what} of the ${name} suite has not started`);
      return x;
    };
    body({
      name,
      get browser() {
        return started(browser, 'browser');
      },
      get server() {
        return started(server, 'server');
      },
    });
  });
}
