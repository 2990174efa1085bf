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
  const decoded = bencode.decode(torrent, 'utf8') as Record<string, unknown>
  const list = decoded['url-list']
  if (typeof list === 'string') return [ list ]
  return Array.isArray(list) ? list.map(String) : []
}
