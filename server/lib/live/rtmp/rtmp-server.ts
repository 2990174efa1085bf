import { createServer, type Server, type Socket } from 'node:net'
import { createServer as createTlsServer, type Server as TlsServer } from 'node:tls'
import { PublishedStream } from './published-stream.js'
import { RtmpSession, type PublishRequest } from './rtmp-session.js'

export interface RtmpServerOptions {
  /** The application name in the URL (`rtmp://host/<app>/<key>`). */
  app: string
  rtmp?: { hostname: string, port: number }
  rtmps?: { hostname: string, port: number, key: Buffer, cert: Buffer }
  /** Decides on a publish: resolves with the internal name players (the ladder) use, or rejects with the reason. */
  authorize: (request: PublishRequest) => Promise<{ playName: string }>
  /** A stream was accepted and its first messages are coming. */
  onStream: (stream: PublishedStream, request: PublishRequest) => void
}

/**
 * The RTMP(S) ingest: publishers push to `/<app>/<stream key>`; each accepted stream is republished under an
 * internal, unguessable name that only the live's ladder (ffmpeg, here or on a runner) plays. A publisher that
 * leaves (deleteStream, FCUnpublish, or its connection closing) ends its stream at once.
 */
export class RtmpServer {
  private readonly servers: (Server | TlsServer)[] = []
  private readonly sessions = new Set<RtmpSession>()
  private readonly streams = new Map<string, { stream: PublishedStream, session: RtmpSession }>()

  constructor (private readonly options: RtmpServerOptions) {}

  async listen () {
    const { rtmp, rtmps } = this.options
    if (rtmp) this.servers.push(await this.start(createServer(socket => this.accept(socket, false)), rtmp.hostname, rtmp.port))
    if (rtmps) {
      const tls = createTlsServer({ key: rtmps.key, cert: rtmps.cert }, socket => this.accept(socket, true))
      this.servers.push(await this.start(tls, rtmps.hostname, rtmps.port))
    }
  }

  /** The addresses we listen on (tests read the port when they asked for 0). */
  ports () {
    return this.servers.map(server => {
      const address = server.address()
      return typeof address === 'object' && address ? address.port : 0
    })
  }

  /** Ends a publisher's stream with a reason it is shown (limits, a deleted or blocked live). */
  disconnect (playName: string, reason: string) {
    const entry = this.streams.get(playName)
    if (!entry) return
    entry.session.refuse(reason, 'NetStream.Publish.Idle')
    entry.stream.end()
  }

  stream (playName: string) {
    return this.streams.get(playName)?.stream
  }

  async close () {
    for (const session of [ ...this.sessions ]) session.close()
    await Promise.all(this.servers.map(server => new Promise<void>(resolve => server.close(() => resolve()))))
    this.servers.length = 0
  }

  private async start<T extends Server | TlsServer> (server: T, hostname: string, port: number) {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(port, hostname, () => {
        server.off('error', reject)
        resolve()
      })
    })
    return server
  }

  private accept (socket: Socket, secure: boolean) {
    // A connection that does not finish its handshake and publish soon is someone else's business.
    socket.setTimeout(30_000, () => socket.destroy())
    const session: RtmpSession = new RtmpSession(socket, {
      onPublish: async request => {
        if (request.app !== this.options.app) throw new Error(`Unknown application "${request.app}": publish to /${this.options.app}/<stream key>`)
        const { playName } = await this.options.authorize(request)
        if (this.streams.has(playName)) throw new Error('This live is already being streamed')
        const stream = new PublishedStream(playName)
        this.streams.set(playName, { stream, session })
        stream.once('end', () => {
          if (this.streams.get(playName)?.stream === stream) this.streams.delete(playName)
        })
        // Publishing: the connection lives as long as the streamer sends.
        socket.setTimeout(0)
        socket.setKeepAlive(true, 10_000)
        setImmediate(() => this.options.onStream(stream, request))
        return stream
      },
      onPlay: (app, name) => {
        if (app !== this.options.app) return undefined
        const stream = this.streams.get(name)?.stream
        if (stream) socket.setTimeout(0)
        return stream
      },
      onClose: closed => { this.sessions.delete(closed) }
    }, secure)
    this.sessions.add(session)
  }
}
