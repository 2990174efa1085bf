import { randomBytes } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import { Server as TrackerServer } from 'bittorrent-tracker'
import { throughput } from '../lib/latency.js'
import { median } from '../lib/timing.js'

/** An announce of a new peer (random peer id) for this info hash, as a BitTorrent client sends it. */
function announcePath (infoHashHex: string) {
  const infoHash = escapeBinary(Buffer.from(infoHashHex, 'hex'))
  return () => `/announce?info_hash=${infoHash}&peer_id=${escapeBinary(randomBytes(20))}&port=6881&uploaded=0&downloaded=0&left=0&compact=1&event=started&numwant=50`
}

function escapeBinary (bytes: Buffer) {
  return [ ...bytes ].map(b => '%' + b.toString(16).padStart(2, '0')).join('')
}

/**
 * HTTP tracker announces/s at 50 connections: the instance's /tracker/announce, and the reference, bittorrent-tracker
 * on its own HTTP server with a filter that accepts everything (the library PeerTube mounts too, without any web
 * framework or database check around it).
 */
export async function benchTracker (instanceUrl: string, infoHash: string, options: { seconds: number, log: (line: string) => void }) {
  const nextPath = announcePath(infoHash)
  const setupRequest = (path: string) => (request: { path?: string }) => ({ ...request, path: path + nextPath().slice('/announce'.length) })

  const reference = new TrackerServer({ http: true, udp: false, ws: false, stats: false, filter: (_hash: string, _params: unknown, cb: (err?: Error) => void) => cb() })
  await new Promise<void>(resolve => reference.listen(0, '127.0.0.1', () => resolve()))
  try {
    const port = (reference.http!.address() as AddressInfo).port
    // Interleaved rounds: the machine's load moves, each figure is the median of its rounds.
    const rounds = { tubeless: [] as number[], reference: [] as number[] }
    let errors = 0
    for (let round = 0; round < 3; round++) {
      options.log(`tracker: round ${round + 1}`)
      const ours = await throughput(`${instanceUrl}/tracker/announce`, { connections: 50, seconds: options.seconds, setupRequest: setupRequest('/tracker/announce') })
      const bare = await throughput(`http://127.0.0.1:${port}/announce`, { connections: 50, seconds: options.seconds, setupRequest: setupRequest('/announce') })
      rounds.tubeless.push(ours.requestsPerSecond)
      rounds.reference.push(bare.requestsPerSecond)
      errors += ours.errors
    }
    return { tubeless: median(rounds.tubeless), reference: median(rounds.reference), errors }
  } finally {
    await new Promise<void>(resolve => reference.close(() => resolve()))
  }
}
