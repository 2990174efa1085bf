// Typings for the parts of the WebTorrent packages we call (they ship none). Ambient: no imports/exports here.

declare module 'create-torrent' {
  interface CreateTorrentOptions {
    name?: string
    comment?: string
    createdBy?: string
    creationDate?: Date | number
    private?: boolean
    pieceLength?: number
    announceList?: string[][]
    urlList?: string[]
  }

  function createTorrent (
    input: string | string[] | Buffer,
    opts: CreateTorrentOptions,
    cb: (err: Error | null, torrent: Uint8Array) => void
  ): void

  export default createTorrent
}

declare module 'parse-torrent' {
  interface ParsedTorrent {
    infoHash: string
    name?: string
    announce: string[]
    urlList: string[]
    private?: boolean
    created?: Date
    createdBy?: string
    pieceLength: number
    lastPieceLength: number
    pieces: string[]
    length: number
    files: { path: string, name: string, length: number, offset: number }[]
    info?: Record<string, unknown>
  }

  function parseTorrent (torrentId: string | Uint8Array | Buffer): Promise<ParsedTorrent>

  export default parseTorrent
}

declare module 'magnet-uri' {
  interface MagnetFields {
    xs?: string | string[]
    xt?: string | string[]
    dn?: string
    tr?: string | string[]
    ws?: string | string[]
    infoHash?: string
    name?: string
    announce?: string[]
    urlList?: string[]
    [key: string]: unknown
  }

  export function encode (fields: MagnetFields): string
  export function decode (uri: string): MagnetFields & { infoHash?: string, announce: string[], urlList: string[] }

  export default decode
}

declare module 'bencode' {
  const bencode: {
    encode (data: unknown): Uint8Array
    decode (data: Uint8Array, encoding?: string): unknown
  }
  export default bencode
}
