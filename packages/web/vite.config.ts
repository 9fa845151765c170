import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The SPA is served by the Tuijin server at `/`; in development Vite proxies the API to it.
const root = fileURLToPath(new URL('.', import.meta.url));
const apiTarget = process.env.TUIJIN_API ?? 'http://127.0.0.1:3000';

/** Vendor chunks: big libraries change rarely, so they stay cached across app releases. */
const VENDOR_GROUPS = [
  { name: 'vendor-echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 30 },
  { name: 'vendor-antd', test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[\w-]+)[\\/]/, priority: 20 },
  { name: 'vendor-react', test: /node_modules[\\/](react|react-dom|react-router|react-router-dom|scheduler|@tanstack)[\\/]/, priority: 10 },
];

export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    // Vite 8 bundles with Rolldown: `codeSplitting.groups` is the successor of Rollup's
    // `manualChunks` (which Rolldown still accepts but marks deprecated).
    rolldownOptions: {
      output: { codeSplitting: { groups: VENDOR_GROUPS } },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  preview: {
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
});
