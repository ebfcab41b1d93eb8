// Vite builds the web app into packages/web/dist, which the server serves (and `npm start` builds).
// Pages load lazily (routes.tsx). echarts, React and the icon set get chunks of their own; antd is
// left to the bundler's automatic splitting, so each page pulls only the components it uses (one
// forced antd chunk was 337 KB gzipped; DESIGN.md § Stack notes: antd + echarts together, 543 KB).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = path.dirname(fileURLToPath(import.meta.url));

const vendorGroups: { name: string; test: RegExp; priority: number }[] = [
  { name: 'echarts', test: /[\\/]node_modules[\\/](echarts|zrender)[\\/]/, priority: 40 },
  { name: 'react', test: /[\\/]node_modules[\\/](react|react-dom|react-router|scheduler|@tanstack)[\\/]/, priority: 30 },
  { name: 'antd-icons', test: /[\\/]node_modules[\\/]@ant-design[\\/]icons/, priority: 25 },
];

export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: path.join(root, 'dist'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        codeSplitting: { groups: vendorGroups },
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://localhost:3000' },
  },
});
