// Typings for the part of bittorrent-tracker's server we use (the package ships none).
declare module 'bittorrent-tracker' {
  import type { EventEmitter } from 'node:events'
  import type { IncomingMessage, ServerResponse } from 'node:http'

  interface TrackerServerOptions {
    http?: boolean
    udp?: boolean
    ws?: boolean
    stats?: boolean
    trustProxy?: boolean
    interval?: number
    filter?: (infoHash: string, params: unknown, callback: (err?: Error) => void) => void
  }

  export class Server extends EventEmitter {
    constructor (options: TrackerServerOptions)
    onHttpRequest (req: IncomingMessage, res: ServerResponse, options: { action: 'announce' | 'scrape', trustProxy?: boolean }): void
    onWebSocketConnection (socket: unknown, options?: unknown): void
    close (callback?: () => void): void
    torrents: Record<string, unknown>
    /** With `http: true` (benchmarks' reference): its own HTTP server. */
    listen (port: number, hostname: string, onListening?: () => void): void
    http?: import('node:http').Server
  }
}
