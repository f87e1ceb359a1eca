import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

export interface StaticServer {
  url: (file: string) => string;
  close: () => Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.pdf': 'application/pdf',
};

/**
 * Serves folders on 127.0.0.1: `/<mount>/<file>` from each mount. Extra headers per file and query
 * (e.g. a strict CSP) come from `headers`.
 */
export async function serve(
  mounts: Record<string, string>,
  headers: (file: string, query: URLSearchParams) => Record<string, string> = () => ({}),
): Promise<StaticServer> {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const [, mount, ...rest] = decodeURIComponent(url.pathname).split('/');
    const dir = mounts[mount ?? ''];
    const file = dir && path.join(dir, ...rest);
    if (!file || !file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      ...headers(file, url.searchParams),
    });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (file) => `http://127.0.0.1:${port}/${file}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
