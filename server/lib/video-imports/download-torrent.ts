import { stat } from 'node:fs/promises'
import { join } from 'node:path'
import { PermanentJobError } from '../job-queue/job-errors.js'
import type { DownloadedFile } from './download-http.js'
import { allowPrivateAddresses, pickTorrentFile } from './inspect-source.js'

/** Peers we never connect to unless private addresses are allowed (the same ranges as our HTTP client's). */
const PRIVATE_PEER_RANGES = [
  { start: '0.0.0.0', end: '0.255.255.255' },
  { start: '10.0.0.0', end: '10.255.255.255' },
  { start: '100.64.0.0', end: '100.127.255.255' },
  { start: '127.0.0.0', end: '127.255.255.255' },
  { start: '169.254.0.0', end: '169.254.255.255' },
  { start: '172.16.0.0', end: '172.31.255.255' },
  { start: '192.168.0.0', end: '192.168.255.255' },
  { start: '224.0.0.0', end: '255.255.255.255' }
]

/**
 * Downloads the file of a .torrent or magnet link with a WebTorrent client of its own, never with DHT, local
 * peer discovery, UPnP or NAT-PMP (peers come from the torrent's trackers and web seeds only), and without STUN
 * servers for WebRTC. Only the chosen file (the biggest video file) is downloaded; its size is checked as soon
 * as the metadata is known. `onMetadata` gets the torrent's name (a magnet's is only known then).
 */
export async function downloadTorrent (options: {
  torrent: Buffer | string
  dir: string
  maxBytes: number
  signal: AbortSignal
  onMetadata?: (torrentName: string) => Promise<void>
}): Promise<DownloadedFile> {
  // Loaded on first use: webtorrent costs every start of the server more than half a second of CPU otherwise.
  const { default: WebTorrent } = await import('webtorrent')
  const client = new WebTorrent({
    dht: false,
    lsd: false,
    natUpnp: false,
    natPmp: false,
    utp: false,
    tracker: { rtcConfig: { iceServers: [] } },
    blocklist: allowPrivateAddresses() ? undefined : PRIVATE_PEER_RANGES
  })

  try {
    return await new Promise<DownloadedFile>((resolve, reject) => {
      const fail = (err: unknown) => reject(err instanceof Error ? err : new Error(String(err)))
      const onAbort = () => fail(options.signal.reason ?? new Error('Aborted'))
      if (options.signal.aborted) return onAbort()
      options.signal.addEventListener('abort', onAbort, { once: true })

      client.on('error', err => fail(new Error(`Torrent client: ${(err as Error).message ?? err}`)))
      const torrent = client.add(options.torrent, { path: options.dir, deselect: true }, ready => {
        const file = pickTorrentFile(ready.files)
        if (file.length > options.maxBytes) {
          return fail(new PermanentJobError(`The torrent's file is larger than the ${options.maxBytes} bytes this import may use (size limit or user quota)`))
        }
        const finish = async () => {
          const path = join(options.dir, file.path)
          const { size } = await stat(path)
          resolve({ path, originalName: file.name, size })
        }
        Promise.resolve(options.onMetadata?.(ready.name))
          .then(() => {
            file.select()
            if (file.done) return finish()
            file.once('done', () => { finish().catch(fail) })
          })
          .catch(fail)
      })
      torrent.on('error', err => fail(new PermanentJobError(`Torrent: ${(err as Error).message ?? err}`)))
    })
  } finally {
    await new Promise<void>(resolve => client.destroy(() => resolve()))
  }
}
