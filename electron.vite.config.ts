import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

// The layout is not electron-vite's default (src/main, src/preload, src/renderer),
// so every entry is named here. The main build has four entries: the Electron
// window (index), server mode (server), which must never load `electron`, and the two workers.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src-main/main.ts'),
          server: resolve(__dirname, 'src-main/server/cli.ts'),
          // A register's Excel export runs on a thread of its own (documents/registers/export-runner.ts finds it
          // beside the bundle, out/main/export-worker.js, in the window, server mode and the offline archive alike).
          'export-worker': resolve(__dirname, 'src-main/documents/registers/export-worker.ts'),
          // An import's write runs on a thread of its own with its own connection (kernel/worker.ts finds it the same way).
          'confirm-worker': resolve(__dirname, 'src-main/imports/confirm-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: { input: { index: resolve(__dirname, 'src-main/electron/preload.ts') } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src-renderer'),
    base: './',
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      // Intranet browsers fetch the bundle over the office network: keep it small.
      minify: true,
      rollupOptions: {
        input: resolve(__dirname, 'src-renderer/index.html'),
        // Pages are lazy route chunks (App.tsx); the libraries every page shares get chunks of their own so a
        // browser keeps them cached across releases of the pages. FullCalendar is named only so it stays
        // recognisable: it is reached from the meeting pages alone, never from the sign-in or 首页.
        output: {
          codeSplitting: {
            groups: [
              { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 3 },
              { name: 'fullcalendar', test: /node_modules[\\/](@fullcalendar|preact)[\\/]/, priority: 1 },
            ],
          },
        },
      },
    },
  },
})
