import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The web app: `npm run dev -w @reorg/web` serves it with the API proxied to 127.0.0.1:8787
 * (`npx reorg serve`); `npm run build -w @reorg/web` writes apps/web/dist, which the API serves.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
  },
  worker: { format: 'es' },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8787' },
  },
});
