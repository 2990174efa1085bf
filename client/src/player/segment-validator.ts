// Checks segments received from peers against the SHA-256 list the origin server publishes
// (segmentsSha256Url), so a peer cannot inject altered video. Format (PeerTube):
//   { "<segment file name>": { "<start>-<end>": "<hex sha256>" } }  (byte ranges, end inclusive)
// or { "<segment file name>": "<hex sha256>" } for one-file segments.

type HashTable = Record<string, string | Record<string, string>>

const REFETCH_DELAY_MS = 2000

export function canValidateSegments (): boolean {
  return typeof crypto !== 'undefined' && !!crypto.subtle
}

export function createSegmentValidator (segmentsSha256Url: string) {
  let table: Promise<HashTable> | null = null
  let lastFetch = 0

  const load = (force: boolean): Promise<HashTable> => {
    if (!table || (force && Date.now() - lastFetch > REFETCH_DELAY_MS)) {
      lastFetch = Date.now()
      table = fetch(segmentsSha256Url, { credentials: 'omit' })
        .then(res => {
          if (!res.ok) throw new Error(`segments hashes: HTTP ${res.status}`)
          return res.json() as Promise<HashTable>
        })
        .catch(err => {
          table = null
          throw err
        })
    }
    return table
  }

  const expectedHash = (hashes: HashTable, url: string, range: { start: number; end: number } | undefined) => {
    const entry = hashes[segmentName(url)]
    if (typeof entry === 'string') return entry
    if (!entry || !range) return undefined
    return entry[`${range.start}-${range.end}`]
  }

  return async function validate (url: string, range: { start: number; end: number } | undefined, data: ArrayBuffer): Promise<boolean> {
    try {
      let expected = expectedHash(await load(false), url, range)
      // A segment newer than our copy of the list (the list is cached): fetch it once more.
      if (!expected) expected = expectedHash(await load(true), url, range)
      if (!expected) return false
      return (await sha256Hex(data)) === expected.toLowerCase()
    } catch {
      return false
    }
  }
}

function segmentName (url: string): string {
  const path = url.split('?')[0].split('#')[0]
  return decodeURIComponent(path.substring(path.lastIndexOf('/') + 1))
}

export async function sha256Hex (data: ArrayBuffer): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', data))
  return Array.from(digest, byte => byte.toString(16).padStart(2, '0')).join('')
}
