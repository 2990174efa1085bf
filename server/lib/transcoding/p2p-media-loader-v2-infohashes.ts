import { createHash } from 'node:crypto'

// The web client shares HLS segments with p2p-media-loader 2.x, which announces one swarm per variant stream
// under its own info hash (not PeerTube's `sha1(version + playlistUrl + '+V' + index)`, which 1.x used). Our
// tracker only tracks known hashes, so we compute the ones that library derives from our master playlist:
//
//   streamShortId = base64(sha1(`${BANDWIDTH}-${videoCodecs}-${width}-${height}----${frameRate}-${videoRange}`))
//   streamSwarmId = `v2-${swarmId}-main-${streamShortId}`        (swarmId: the master playlist URL)
//   infoHash      = the 20 ASCII bytes of base64(first 15 bytes of sha1(streamSwarmId))
//
// Values are read the way hls.js parses the playlist (BANDWIDTH, RESOLUTION, video part of CODECS, FRAME-RATE
// and VIDEO-RANGE as written) and normalized as p2p-media-loader-core 2.3 does. Hashes are stored as hex, like
// every info hash the tracker sees.

const STREAM_PROTOCOL_VERSION = 'v2'
const MAIN_STREAM_TYPE = 'main'

/** Sample entry codes hls.js files under "video" (the first four characters of a codec string, as written). */
const VIDEO_CODEC_FAMILIES = new Set([
  'avc1', 'avc2', 'avc3', 'avc4', 'avcp', 'av01', 'dav1', 'drac', 'dva1', 'dvav', 'dvh1', 'dvhe', 'encv', 'hev1',
  'hvc1', 'mjp2', 'mp4v', 'mvc1', 'mvc2', 'mvc3', 'mvc4', 'resv', 'rv60', 's263', 'svc1', 'svc2', 'vc-1', 'vp08',
  'vp09'
])

export interface MasterPlaylistVariant {
  bandwidth: number
  width?: number
  height?: number
  codecs: string[]
  frameRate?: string
  videoRange?: string
}

/** Hex info hashes p2p-media-loader 2.x announces for the variants of this master playlist. */
export function buildP2PMediaLoaderV2InfoHashes (swarmId: string, masterPlaylist: string): string[] {
  return parseMasterPlaylistVariants(masterPlaylist).map(variant => {
    const streamSwarmId = `${STREAM_PROTOCOL_VERSION}-${swarmId}-${MAIN_STREAM_TYPE}-${streamShortId(variant)}`
    const announced = sha1(streamSwarmId).subarray(0, 15).toString('base64')
    return Buffer.from(announced, 'ascii').toString('hex')
  })
}

function streamShortId (variant: MasterPlaylistVariant) {
  const complete = variant.bandwidth !== 0
  const videoCodecs = variant.codecs.filter(codec => VIDEO_CODEC_FAMILIES.has(codec.slice(0, 4)))
  const codecs = complete ? normalizeCodecs(videoCodecs) : ''
  const width = complete ? variant.width ?? '' : ''
  const height = complete ? variant.height ?? '' : ''
  const frameRate = complete && variant.frameRate && !isNaN(Number(variant.frameRate)) ? Number(variant.frameRate).toString() : ''
  const videoRange = complete && variant.videoRange ? variant.videoRange.toUpperCase().trim() : ''
  // Language, channels and name apply to audio renditions only: empty for a variant.
  return sha1(`${variant.bandwidth}-${codecs}-${width}-${height}----${frameRate}-${videoRange}`).toString('base64')
}

function normalizeCodecs (codecs: string[]) {
  return codecs
    .map(codec => {
      const lower = codec.trim().toLowerCase()
      // avc1.PROFILE.LEVEL written in decimal (RFC 4281) compares equal to its hex form.
      const parts = lower.split('.')
      if (parts.length === 3 && (parts[0] === 'avc1' || parts[0] === 'avc') && /^\d+$/.test(parts[1]) && /^\d+$/.test(parts[2]) &&
        String(parseInt(parts[1], 10)) === parts[1] && String(parseInt(parts[2], 10)) === parts[2]) {
        const hex = (n: string) => parseInt(n, 10).toString(16).padStart(2, '0')
        return `${parts[0]}.${hex(parts[1])}00${hex(parts[2])}`
      }
      return lower
    })
    .sort()
    .join(',')
}

export function parseMasterPlaylistVariants (masterPlaylist: string): MasterPlaylistVariant[] {
  const variants: MasterPlaylistVariant[] = []
  for (const line of masterPlaylist.split(/\r?\n/)) {
    const match = /^#EXT-X-STREAM-INF:(.*)$/.exec(line.trim())
    if (!match) continue
    const attributes = parseAttributeList(match[1])
    const resolution = /^(\d+)x(\d+)$/.exec(attributes.RESOLUTION ?? '')
    variants.push({
      bandwidth: parseInt(attributes.BANDWIDTH ?? attributes['AVERAGE-BANDWIDTH'] ?? '0', 10) || 0,
      width: resolution ? parseInt(resolution[1], 10) : undefined,
      height: resolution ? parseInt(resolution[2], 10) : undefined,
      codecs: (attributes.CODECS ?? '').split(/[ ,]+/).filter(codec => codec !== ''),
      frameRate: attributes['FRAME-RATE'],
      videoRange: attributes['VIDEO-RANGE']
    })
  }
  return variants
}

function parseAttributeList (list: string): Record<string, string> {
  const attributes: Record<string, string> = {}
  const pattern = /([A-Z0-9-]+)=("[^"]*"|[^,]*)/g
  for (const [ , key, raw ] of list.matchAll(pattern)) {
    attributes[key] = raw.startsWith('"') ? raw.slice(1, -1) : raw
  }
  return attributes
}

function sha1 (text: string) {
  return createHash('sha1').update(text, 'utf8').digest()
}
