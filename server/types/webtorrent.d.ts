// Typings for the part of WebTorrent we and the tests use (the package ships none).
declare module 'webtorrent' {
  import type { EventEmitter } from 'node:events'

  interface TorrentFile extends EventEmitter {
    name: string
    /** Path inside the torrent's download folder. */
    path: string
    length: number
    done: boolean
    select (): void
    deselect (): void
    arrayBuffer (): Promise<ArrayBuffer>
  }

  interface Torrent extends EventEmitter {
    infoHash: string
    name: string
    magnetURI: string
    files: TorrentFile[]
    downloaded: number
    numPeers: number
    /** Bytes received from peers, WebSeeds included. */
    received: number
    destroy (callback?: () => void): void
  }

  export default class WebTorrent extends EventEmitter {
    constructor (options?: Record<string, unknown>)
    add (torrent: Buffer | string, options: Record<string, unknown>, onTorrent: (torrent: Torrent) => void): Torrent
    seed (input: string | Buffer, options: Record<string, unknown>, onSeed: (torrent: Torrent) => void): Torrent
    destroy (callback?: () => void): void
  }
}
