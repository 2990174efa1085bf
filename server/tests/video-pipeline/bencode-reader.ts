// A tiny bencode reader for tests, so torrent checks do not rely on the library that wrote the torrent.

export type BValue = number | Buffer | BValue[] | { [key: string]: BValue }

export interface DecodedTorrent {
  root: { [key: string]: BValue }
  /** The exact bytes of the `info` dictionary: its SHA-1 is the info hash. */
  infoBytes: Buffer
}

export function decodeTorrent (data: Buffer): DecodedTorrent {
  let infoSpan: [ number, number ] | undefined
  let pos = 0

  function read (): BValue {
    const c = String.fromCharCode(data[pos])

    if (c === 'i') {
      const end = data.indexOf('e', pos)
      const n = Number(data.toString('latin1', pos + 1, end))
      pos = end + 1
      return n
    }

    if (c === 'l') {
      pos++
      const list: BValue[] = []
      while (data[pos] !== 0x65) list.push(read())
      pos++
      return list
    }

    if (c === 'd') {
      pos++
      const dict: { [key: string]: BValue } = {}
      while (data[pos] !== 0x65) {
        const key = (read() as Buffer).toString('utf8')
        const start = pos
        dict[key] = read()
        if (key === 'info' && !infoSpan) infoSpan = [ start, pos ]
      }
      pos++
      return dict
    }

    const colon = data.indexOf(':', pos)
    const length = Number(data.toString('latin1', pos, colon))
    const value = data.subarray(colon + 1, colon + 1 + length)
    pos = colon + 1 + length
    return value
  }

  const root = read() as { [key: string]: BValue }
  if (!infoSpan) throw new Error('No info dictionary in torrent')

  return { root, infoBytes: data.subarray(infoSpan[0], infoSpan[1]) }
}

export function text (value: BValue | undefined) {
  return Buffer.isBuffer(value) ? value.toString('utf8') : undefined
}
