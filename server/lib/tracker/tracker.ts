import type { IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http'
import type { Duplex } from 'node:stream'
import { Server as TrackerServer } from 'bittorrent-tracker'
import { WebSocketServer } from 'ws'
import { loggerWithTags } from '../../helpers/logger.js'
import { CONFIG } from '../../initializers/config/index.js'
import { RUNNERS_SOCKET, TRACKER_PATHS } from '../../initializers/constants/static-paths.js'
import { sequelize } from '../../initializers/database.js'
import { isLocalVideoInfoHash } from '../../models/video/queries/local-info-hash-query.js'

const log = loggerWithTags('tracker')

/** How long an info hash's "known here" answer is trusted before the database is asked again. */
const KNOWN_HASH_CACHE_MS = 60_000

/**
 * The embedded BitTorrent tracker, on the instance's own HTTP server: /tracker/announce for HTTP clients and
 * /tracker/socket (WebSocket) for browsers. It only tracks info hashes of files this instance knows.
 */
export class EmbeddedTracker {
  private readonly server: InstanceType<typeof TrackerServer>
  private readonly wss = new WebSocketServer({ noServer: true, perMessageDeflate: false, clientTracking: true })
  private readonly known = new Map<string, { known: boolean, at: number }>()

  constructor () {
    this.server = new TrackerServer({
      http: false,
      udp: false,
      ws: false,
      stats: false,
      trustProxy: CONFIG.trust_proxy.length !== 0,
      filter: (infoHash: string, _params: unknown, callback: (err?: Error) => void) => {
        this.isKnown(infoHash)
          .then(known => callback(known ? undefined : new Error('Unknown infoHash: this tracker only tracks the videos of its instance')))
          .catch(err => callback(err as Error))
      }
    })
    this.server.on('error', (err: Error) => log.warn('Tracker error', { err: err.message }))
    this.server.on('warning', (err: Error) => log.debug('Tracker warning', { err: err.message }))

    this.wss.on('connection', (socket: WebSocket & { upgradeReq?: IncomingMessage }, req: IncomingMessage) => {
      socket.upgradeReq = req
      this.server.onWebSocketConnection(socket)
    })
  }

  /**
   * The HTTP side, called by the HTTP server before the web application: announces come by the thousand per second
   * and need nothing of the application's middleware. Returns false for any other request.
   */
  handleHttpRequest (req: IncomingMessage, res: ServerResponse) {
    if (req.method !== 'GET' || !req.url) return false
    const path = req.url.split('?', 1)[0]
    const action = path === TRACKER_PATHS.HTTP_ANNOUNCE ? 'announce' : path === TRACKER_PATHS.HTTP_SCRAPE ? 'scrape' : undefined
    if (!action) return false
    this.server.onHttpRequest(req, res, { action, trustProxy: false })
    return true
  }

  /** Hands WebSocket upgrades on /tracker/socket to the tracker; other upgrades are not ours and are closed. */
  attach (httpServer: HttpServer) {
    httpServer.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      const path = (req.url ?? '').split('?')[0]
      // Runners' socket.io connections are upgraded by socket.io itself.
      if (path.startsWith(RUNNERS_SOCKET.PATH + '/')) return
      if (path !== TRACKER_PATHS.WEBSOCKET) {
        socket.destroy()
        return
      }
      this.wss.handleUpgrade(req, socket, head, ws => this.wss.emit('connection', ws, req))
    })
  }

  /** Info hashes with and without peers, and the peers announced now (for the metrics). */
  counts () {
    const torrents = (this.server as unknown as { torrents: Record<string, { peers: { keys: string[], peek (key: string): unknown } }> }).torrents
    const counts = { activeInfoHashes: 0, inactiveInfoHashes: 0, peers: 0 }
    for (const swarm of Object.values(torrents)) {
      // peek() leaves out peers whose announce expired but are not evicted yet.
      const peers = swarm.peers.keys.filter(key => swarm.peers.peek(key) != null).length
      if (peers === 0) counts.inactiveInfoHashes++
      else counts.activeInfoHashes++
      counts.peers += peers
    }
    return counts
  }

  close () {
    for (const client of this.wss.clients) client.terminate()
    this.wss.close()
    this.server.close()
  }

  private async isKnown (infoHash: string) {
    const cached = this.known.get(infoHash)
    if (cached && Date.now() - cached.at < KNOWN_HASH_CACHE_MS) return cached.known

    const known = await isLocalVideoInfoHash(sequelize(), infoHash)
    this.known.set(infoHash, { known, at: Date.now() })
    if (this.known.size > 50_000) this.known.clear()
    return known
  }
}
