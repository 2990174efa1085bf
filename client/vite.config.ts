// Build of the Tubeless web client. Run from the repository root:
//   npx vite build --config client/vite.config.ts      (outputs client/dist)
//   npx vite --config client/vite.config.ts             (dev server, proxies the API to TUBELESS_URL)
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib'
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

/** What the server may send precompressed: text assets worth it (source maps are left out: only devtools read them). */
const PRECOMPRESSED_FILE = /\.(js|mjs|css|html|svg|json|txt|webmanifest)$/
const PRECOMPRESS_MIN_BYTES = 1024

/** Writes `<file>.br` (quality 11) and `<file>.gz` (level 9) next to each built text asset: the server sends them
 * as they are, so clients get the smallest encoding without the server compressing per request. */
function precompressAssets (outDir: string): Plugin {
  const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true })
    .flatMap(entry => entry.isDirectory() ? walk(join(dir, entry.name)) : [ join(dir, entry.name) ])
  return {
    name: 'tubeless-precompress',
    apply: 'build',
    closeBundle () {
      for (const file of walk(outDir)) {
        if (!PRECOMPRESSED_FILE.test(file) || statSync(file).size < PRECOMPRESS_MIN_BYTES) continue
        const content = readFileSync(file)
        writeFileSync(`${file}.br`, brotliCompressSync(content, {
          params: { [zlib.BROTLI_PARAM_QUALITY]: zlib.BROTLI_MAX_QUALITY, [zlib.BROTLI_PARAM_SIZE_HINT]: content.length }
        }))
        writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }))
      }
    }
  }
}

const backend = process.env.TUBELESS_URL ?? 'http://127.0.0.1:9000'
const proxied = ['/api', '/static', '/lazy-static', '/download', '/feeds', '/.well-known']

export default defineConfig({
  root: clientDir,
  base: '/',
  publicDir: resolve(clientDir, 'public'),
  plugins: [webtorrentServiceWorker(), precompressAssets(resolve(clientDir, 'dist'))],
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
