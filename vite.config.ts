import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The browser application: sources in src/web/ui, built into dist/web, served by the Daylight server.
export default defineConfig({
  root: 'src/web/ui',
  plugins: [react()],
  build: { outDir: '../../../dist/web', emptyOutDir: true, sourcemap: false },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
