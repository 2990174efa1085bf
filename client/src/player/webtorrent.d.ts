// The small part of WebTorrent's browser build (an untyped ES module) that the player uses.
declare module 'webtorrent/dist/webtorrent.min.js' {
  export interface WebTorrentWire {
    type: string
    on (event: 'download' | 'upload', listener: (bytes: number) => void): void
  }

  export interface WebTorrentFile {
    name: string
    path: string
    length: number
    streamTo (element: HTMLMediaElement): HTMLMediaElement
  }

  export interface WebTorrentTorrent {
    infoHash: string
    files: WebTorrentFile[]
    wires: WebTorrentWire[]
    ready: boolean
    on (event: 'wire', listener: (wire: WebTorrentWire) => void): void
    on (event: 'ready' | 'done', listener: () => void): void
    on (event: 'error' | 'warning', listener: (err: Error | string) => void): void
    once (event: 'ready', listener: () => void): void
    destroy (opts?: { destroyStore?: boolean }, cb?: (err?: Error) => void): void
  }

  export interface WebTorrentOptions {
    tracker?: { rtcConfig?: RTCConfiguration } | false
    dht?: boolean
    lsd?: boolean
    utPex?: boolean
    natUpnp?: boolean
    natPmp?: boolean
    webSeeds?: boolean
  }

  export default class WebTorrent {
    static WEBRTC_SUPPORT: boolean
    constructor (opts?: WebTorrentOptions)
    add (torrentId: string, opts?: { announce?: string[]; urlList?: string[] }, onTorrent?: (torrent: WebTorrentTorrent) => void): WebTorrentTorrent
    createServer (opts: { controller: ServiceWorkerRegistration }): unknown
    on (event: 'error', listener: (err: Error | string) => void): void
    destroy (cb?: (err?: Error) => void): void
  }
}

declare module 'hls.js/light' {
  import Hls from 'hls.js'
  export default Hls
  export * from 'hls.js'
}
