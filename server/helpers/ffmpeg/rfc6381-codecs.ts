// RFC 6381 codec strings, as HLS master playlists carry them in CODECS="...". Players use them to decide whether
// they can play a rendition before fetching it, so they should describe the real stream: for H.264 and AV1 we read
// the bytes of the stream's configuration record instead of guessing from ffprobe's profile name.

interface VideoCodecFacts {
  codec?: string
  codecTag?: string
  profile?: string
  level?: number
  extradata?: Buffer
}

const H264_PROFILE_BYTES: Record<string, string> = {
  'Constrained Baseline': '42E0',
  Baseline: '4200',
  Main: '4D40',
  Extended: '5800',
  High: '6400',
  'High 10': '6E00',
  'High 4:2:2': '7A00',
  'High 4:4:4 Predictive': 'F400'
}

export function buildVideoCodecString (facts: VideoCodecFacts): string | undefined {
  switch (facts.codec) {
    case 'h264': return h264CodecString(facts)
    case 'av1': return av1CodecString(facts)
    case 'vp9': return `vp09.${vp9ProfileDigits(facts.profile)}.50.08`
    case 'vp8': return 'vp8'
    case 'hevc': return `${facts.codecTag === 'hev1' ? 'hev1' : 'hvc1'}.1.6.L${facts.level && facts.level > 0 ? facts.level : 93}.B0`
    default: return undefined
  }
}

export function buildAudioCodecString (facts: { codec?: string, profile?: string }): string | undefined {
  switch (facts.codec) {
    case 'aac':
      if (facts.profile === 'HE-AAC') return 'mp4a.40.5'
      if (facts.profile === 'HE-AACv2') return 'mp4a.40.29'
      return 'mp4a.40.2'
    case 'mp3': return 'mp4a.40.34'
    case 'opus': return 'opus'
    case 'flac': return 'fLaC'
    case 'vorbis': return 'vorbis'
    case 'ac3': return 'ac-3'
    case 'eac3': return 'ec-3'
    default: return undefined
  }
}

function h264CodecString ({ profile, level, extradata }: VideoCodecFacts) {
  // avcC record: version (1), then profile_idc, constraint flags, level_idc: exactly the three bytes RFC 6381 wants.
  if (extradata && extradata.length >= 4 && extradata[0] === 1) {
    return 'avc1.' + extradata.subarray(1, 4).toString('hex')
  }

  const profileBytes = H264_PROFILE_BYTES[profile ?? ''] ?? H264_PROFILE_BYTES.High
  const levelByte = (level && level > 0 ? level : 31).toString(16).padStart(2, '0')

  return `avc1.${profileBytes}${levelByte}`.toLowerCase()
}

function av1CodecString ({ extradata }: VideoCodecFacts) {
  // av1C record: marker+version (0x81), then seq_profile(3) seq_level_idx_0(5), then tier(1) high_bitdepth(1) twelve_bit(1).
  if (extradata && extradata.length >= 3 && extradata[0] === 0x81) {
    const profile = extradata[1] >> 5
    const level = extradata[1] & 0x1f
    const tier = (extradata[2] >> 7) === 1 ? 'H' : 'M'
    const highBitdepth = (extradata[2] >> 6) & 1
    const twelveBit = (extradata[2] >> 5) & 1
    const bitDepth = twelveBit ? 12 : highBitdepth ? 10 : 8

    return `av01.${profile}.${String(level).padStart(2, '0')}${tier}.${String(bitDepth).padStart(2, '0')}`
  }

  return 'av01.0.08M.08'
}

function vp9ProfileDigits (profile: string | undefined) {
  const n = /(\d)/.exec(profile ?? '')?.[1] ?? '0'
  return `0${n}`
}
