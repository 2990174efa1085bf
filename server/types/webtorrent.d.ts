// Typings for the part of WebTorrent the tests use (the package ships none).
declare module 'webtorrent' {
  import type { EventEmitter } from 'node:events'

  interface TorrentFile {
    name: string
    length: number
    arrayBuffer (): Promise<ArrayBuffer>
  }

  interface Torrent extends EventEmitter {
    infoHash: string
    files: TorrentFile[]
    downloaded: number
    numPeers: number
    /** Bytes received from peers, WebSeeds included. */
    received: number
  }

  export default class WebTorrent extends EventEmitter {
    constructor (options?: Record<string, unknown>)
    add (torrent: Buffer | string, options: Record<string, unknown>, onTorrent: (torrent: Torrent) => void): Torrent
    seed (input: string | Buffer, options: Record<string, unknown>, onSeed: (torrent: Torrent) => void): Torrent
    destroy (callback?: () => void): void
  }
}
