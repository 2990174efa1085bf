// Build of the Tubeless web client. Run from the repository root:
//   npx vite build --config client/vite.config.ts      (outputs client/dist)
//   npx vite --config client/vite.config.ts             (dev server, proxies the API to TUBELESS_URL)
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { defaultClientConditions, defineConfig, type Plugin } from 'vite'

const clientDir = dirname(fileURLToPath(import.meta.url))
const require = createRequire(import.meta.url)

/** WebTorrent streams into <video> through a service worker that must be served from the site root
 * (its scope decides which URLs it may answer). We ship the worker webtorrent itself publishes. */
const WEBTORRENT_WORKER_NAME = 'webtorrent-sw.js'

function webtorrentServiceWorker (): Plugin {
  const workerPath = resolve(dirname(require.resolve('webtorrent/package.json')), 'dist/sw.min.js')
  const source = () => readFileSync(workerPath, 'utf8').replace(/\n\/\/# sourceMappingURL=.*$/, '\n')
  return {
    name: 'tubeless-webtorrent-sw',
    configureServer (server) {
      server.middlewares.use('/' + WEBTORRENT_WORKER_NAME, (_req, res) => {
        res.setHeader('Content-Type', 'text/javascript')
        res.end(source())
      })
    },
    generateBundle () {
      this.emitFile({ type: 'asset', fileName: WEBTORRENT_WORKER_NAME, source: source() })
    }
  }
}

const backend = process.env.TUBELESS_URL ?? 'http://127.0.0.1:9000'
const proxied = ['/api', '/static', '/lazy-static', '/download', '/feeds', '/.well-known']

export default defineConfig({
  root: clientDir,
  base: '/',
  publicDir: resolve(clientDir, 'public'),
  plugins: [webtorrentServiceWorker()],
  resolve: {
    // p2p-media-loader-core publishes a self-contained browser build under this condition; without it
    // the bundle pulls Node-only modules (events) through bittorrent-tracker.
    conditions: ['p2pml:core-as-bundle', ...defaultClientConditions]
  },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: resolve(clientDir, 'dist'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 600
  },
  server: {
    proxy: {
      ...Object.fromEntries(proxied.map(p => [p, { target: backend, changeOrigin: false }])),
      '/tracker': { target: backend, ws: true }
    }
  }
})
