// The few ISO BMFF (MP4) boxes the live packager reads from ffmpeg's fragmented output: track ids, time scales,
// handlers and the H.264 configuration of the init segment (moov); base decode time, sample durations and
// whether a fragment starts with a sync sample (moof). Everything else is passed through untouched.

export interface Box {
  type: string
  /** Offset of the box's content (after its header) in the buffer it was read from. */
  start: number
  end: number
}

export function readBoxes (buffer: Buffer, start = 0, end = buffer.length): Box[] {
  const boxes: Box[] = []
  let offset = start
  while (offset + 8 <= end) {
    let size = buffer.readUInt32BE(offset)
    const type = buffer.toString('latin1', offset + 4, offset + 8)
    let header = 8
    if (size === 1) {
      if (offset + 16 > end) break
      size = Number(buffer.readBigUInt64BE(offset + 8))
      header = 16
    } else if (size === 0) {
      size = end - offset
    }
    if (size < header || offset + size > end) break
    boxes.push({ type, start: offset + header, end: offset + size })
    offset += size
  }
  return boxes
}

function child (buffer: Buffer, box: Box, type: string) {
  return readBoxes(buffer, box.start, box.end).find(b => b.type === type)
}

function path (buffer: Buffer, box: Box, ...types: string[]) {
  let current: Box | undefined = box
  for (const type of types) {
    if (!current) return undefined
    current = child(buffer, current, type)
  }
  return current
}

export interface TrackInfo {
  id: number
  kind: 'video' | 'audio' | 'other'
  timescale: number
  defaultSampleDuration: number
  defaultSampleFlags: number
  width?: number
  height?: number
  /** RFC 6381 codec string. */
  codec?: string
}

export function parseInitSegment (buffer: Buffer): TrackInfo[] {
  const moov = readBoxes(buffer).find(b => b.type === 'moov')
  if (!moov) throw new Error('init segment without moov')
  const children = readBoxes(buffer, moov.start, moov.end)
  const trex = new Map<number, { duration: number, flags: number }>()
  const mvex = children.find(b => b.type === 'mvex')
  if (mvex) {
    for (const box of readBoxes(buffer, mvex.start, mvex.end).filter(b => b.type === 'trex')) {
      // version/flags (4), track_ID, default_sample_description_index, duration, size, flags
      trex.set(buffer.readUInt32BE(box.start + 4), { duration: buffer.readUInt32BE(box.start + 12), flags: buffer.readUInt32BE(box.start + 20) })
    }
  }

  return children.filter(b => b.type === 'trak').map(trak => {
    const tkhd = child(buffer, trak, 'tkhd')!
    const version = buffer[tkhd.start]
    const id = buffer.readUInt32BE(tkhd.start + (version === 1 ? 20 : 12))
    // width and height are the last two 16.16 fixed-point fields of tkhd
    const width = buffer.readUInt32BE(tkhd.end - 8) >>> 16
    const height = buffer.readUInt32BE(tkhd.end - 4) >>> 16

    const mdhd = path(buffer, trak, 'mdia', 'mdhd')!
    const timescale = buffer.readUInt32BE(mdhd.start + (buffer[mdhd.start] === 1 ? 20 : 12))
    const hdlr = path(buffer, trak, 'mdia', 'hdlr')!
    const handler = buffer.toString('latin1', hdlr.start + 8, hdlr.start + 12)
    const kind = handler === 'vide' ? 'video' : handler === 'soun' ? 'audio' : 'other'
    const defaults = trex.get(id) ?? { duration: 0, flags: 0 }

    return {
      id,
      kind,
      timescale,
      defaultSampleDuration: defaults.duration,
      defaultSampleFlags: defaults.flags,
      ...(kind === 'video' ? { width, height } : {}),
      codec: codecOf(buffer, trak, kind)
    } satisfies TrackInfo
  })
}

function codecOf (buffer: Buffer, trak: Box, kind: TrackInfo['kind']) {
  const stsd = path(buffer, trak, 'mdia', 'minf', 'stbl', 'stsd')
  if (!stsd) return undefined
  // stsd: version/flags (4), entry count (4), then sample entries.
  const entry = readBoxes(buffer, stsd.start + 8, stsd.end)[0]
  if (!entry) return undefined
  if (kind === 'audio') return entry.type === 'mp4a' ? 'mp4a.40.2' : entry.type
  if (entry.type !== 'avc1' && entry.type !== 'avc3') return entry.type
  // Visual sample entry: 78 bytes of fixed fields, then child boxes (avcC).
  const avcC = readBoxes(buffer, entry.start + 78, entry.end).find(b => b.type === 'avcC')
  if (!avcC || avcC.end - avcC.start < 4) return entry.type
  return `${entry.type}.${buffer.subarray(avcC.start + 1, avcC.start + 4).toString('hex')}`
}

export interface FragmentInfo {
  /** Decode time of the fragment's first sample, in seconds (of the timing track). */
  decodeTime: number
  /** Sum of the timing track's sample durations, in seconds. */
  duration: number
  /** Starts with a sync sample (a keyframe): a player can start decoding here. */
  independent: boolean
}

const NON_SYNC_SAMPLE = 0x00010000

/** Timing of a moof, read on the video track (or the first track when there is no video). */
export function parseFragment (buffer: Buffer, moof: Box, tracks: TrackInfo[]): FragmentInfo | undefined {
  const timing = tracks.find(t => t.kind === 'video') ?? tracks[0]
  if (!timing) return undefined

  for (const traf of readBoxes(buffer, moof.start, moof.end).filter(b => b.type === 'traf')) {
    const tfhd = child(buffer, traf, 'tfhd')
    if (!tfhd || buffer.readUInt32BE(tfhd.start + 4) !== timing.id) continue
    const tfhdFlags = buffer.readUInt32BE(tfhd.start) & 0xffffff
    let cursor = tfhd.start + 8
    if (tfhdFlags & 0x01) cursor += 8
    if (tfhdFlags & 0x02) cursor += 4
    const defaultDuration = tfhdFlags & 0x08 ? buffer.readUInt32BE(cursor) : timing.defaultSampleDuration
    if (tfhdFlags & 0x08) cursor += 4
    if (tfhdFlags & 0x10) cursor += 4
    const defaultFlags = tfhdFlags & 0x20 ? buffer.readUInt32BE(cursor) : timing.defaultSampleFlags

    const tfdt = child(buffer, traf, 'tfdt')
    const baseTime = !tfdt ? 0 : buffer[tfdt.start] === 1 ? Number(buffer.readBigUInt64BE(tfdt.start + 4)) : buffer.readUInt32BE(tfdt.start + 4)

    let duration = 0
    let firstFlags: number | undefined
    for (const trun of readBoxes(buffer, traf.start, traf.end).filter(b => b.type === 'trun')) {
      const flags = buffer.readUInt32BE(trun.start) & 0xffffff
      const count = buffer.readUInt32BE(trun.start + 4)
      let offset = trun.start + 8
      if (flags & 0x01) offset += 4
      if (flags & 0x04) {
        firstFlags ??= buffer.readUInt32BE(offset)
        offset += 4
      }
      for (let i = 0; i < count; i++) {
        if (flags & 0x100) {
          duration += buffer.readUInt32BE(offset)
          offset += 4
        } else {
          duration += defaultDuration
        }
        if (flags & 0x200) offset += 4
        if (flags & 0x400) {
          if (i === 0) firstFlags ??= buffer.readUInt32BE(offset)
          offset += 4
        }
        if (flags & 0x800) offset += 4
      }
    }
    const sampleFlags = firstFlags ?? defaultFlags
    return {
      decodeTime: baseTime / timing.timescale,
      duration: duration / timing.timescale,
      independent: timing.kind !== 'video' || (sampleFlags & NON_SYNC_SAMPLE) === 0
    }
  }
  return undefined
}

/**
 * Splits ffmpeg's fragmented MP4 byte stream into its init segment (ftyp + moov) and fragments (moof + mdat),
 * as soon as each is complete.
 */
export class Fmp4StreamSplitter {
  private pending: Buffer = Buffer.alloc(0)
  private init: Buffer[] = []
  private tracks?: TrackInfo[]
  private fragmentStart?: Buffer

  constructor (private readonly handlers: {
    onInit: (init: Buffer, tracks: TrackInfo[]) => void
    onFragment: (fragment: Buffer, info: FragmentInfo) => void
  }) {}

  push (data: Buffer) {
    this.pending = this.pending.length === 0 ? data : Buffer.concat([ this.pending, data ])
    let offset = 0
    for (;;) {
      if (this.pending.length - offset < 8) break
      let size = this.pending.readUInt32BE(offset)
      if (size === 1) {
        if (this.pending.length - offset < 16) break
        size = Number(this.pending.readBigUInt64BE(offset + 8))
      }
      if (size < 8) throw new Error('invalid MP4 box size in the live output')
      if (this.pending.length - offset < size) break
      this.onBox(this.pending.subarray(offset, offset + size))
      offset += size
    }
    if (offset > 0) this.pending = Buffer.from(this.pending.subarray(offset))
  }

  private onBox (box: Buffer) {
    const type = box.toString('latin1', 4, 8)
    if (!this.tracks) {
      this.init.push(box)
      if (type === 'moov') {
        const init = Buffer.concat(this.init)
        this.tracks = parseInitSegment(init)
        this.handlers.onInit(init, this.tracks)
      }
      return
    }
    if (type === 'moof') {
      this.fragmentStart = box
    } else if (type === 'mdat' && this.fragmentStart) {
      const fragment = Buffer.concat([ this.fragmentStart, box ])
      const moof = readBoxes(fragment)[0]
      const info = parseFragment(fragment, moof, this.tracks)
      this.fragmentStart = undefined
      if (info) this.handlers.onFragment(fragment, info)
    }
    // styp, sidx, mfra...: not needed by players of our playlists.
  }
}
