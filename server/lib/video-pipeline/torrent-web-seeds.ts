import bencode from 'bencode'

/**
 * The same torrent with other WebSeeds (`url-list`). Only the outer dictionary changes, so the info hash (a hash
 * of `info`) stays the same: peers of the old torrent and of the new one share one swarm.
 */
export function rewriteTorrentWebSeeds (torrent: Uint8Array, urlList: string[]): Buffer {
  const decoded = bencode.decode(torrent) as Record<string, unknown>
  decoded['url-list'] = urlList
  return Buffer.from(bencode.encode(decoded))
}

/** The WebSeeds a torrent lists now. */
export function torrentWebSeeds (torrent: Uint8Array): string[] {
  // Decoded as bytes: bencode's 'utf8' mode fails on the binary `pieces` of the info dictionary.
  const decoded = bencode.decode(torrent) as Record<string, unknown>
  const list = decoded['url-list']
  const text = (value: unknown) => value instanceof Uint8Array ? Buffer.from(value).toString('utf8') : String(value)
  if (list instanceof Uint8Array || typeof list === 'string') return [ text(list) ]
  return Array.isArray(list) ? list.map(text) : []
}
