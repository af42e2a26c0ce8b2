import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';
import type { AppEnv } from './http';

/** Where `npm run build -w @reorg/web` puts the web app. */
export const DEFAULT_WEB_DIR = fileURLToPath(new URL('../../web/dist', import.meta.url));

/** The page served when the web app is not built: says what the server is and where the API is. */
export const PLACEHOLDER_HTML = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>reorg</title></head>
<body>
<h1>reorg</h1>
<p>The reorg API is running. The web app is not built yet (no <code>apps/web/dist</code>).</p>
<ul>
<li><a href="/api/health">/api/health</a></li>
<li><a href="/api/orgs">/api/orgs</a>: the stored orgs</li>
<li><a href="/api/scenarios">/api/scenarios</a>: the saved scenarios</li>
<li><a href="/api/openapi.json">/api/openapi.json</a>: the API description</li>
</ul>
</body>
</html>
`;

const isApi = (path: string) => path === '/api' || path.startsWith('/api/');

/**
 * Serves the built web app from `webDir` (files, then `index.html` for any other GET: the SPA
 * fallback), or the placeholder page when it has no `index.html`. Never answers `/api/*`: those
 * fall through to the API's 404 problem. Register after the API routes.
 */
export function mountWeb(app: Hono<AppEnv>, webDir: string): void {
  const indexPath = join(webDir, 'index.html');
  const built = existsSync(indexPath);
  if (built) {
    app.use('*', async (c, next) => {
      if (isApi(c.req.path) || (c.req.method !== 'GET' && c.req.method !== 'HEAD')) return next();
      // Vite names built assets by content hash: cache them for good; everything else revalidates.
      c.header(
        'Cache-Control',
        c.req.path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
      return serveStatic<AppEnv>({ root: webDir })(c, next);
    });
  }
  app.get('*', (c) => {
    if (isApi(c.req.path)) return c.notFound();
    c.header('Cache-Control', 'no-cache');
    return c.html(built ? readFileSync(indexPath, 'utf8') : PLACEHOLDER_HTML);
  });
}
