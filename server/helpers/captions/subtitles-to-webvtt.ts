// Subtitle files as users have them (WebVTT, SubRip) turned into the WebVTT players read. Anything that is not
// a subtitle file (binary data, prose, a video) is refused: no cue, or a block that is not one.

export class NotASubtitleFileError extends Error {}

const VTT_TIMING = /^((?:\d{2,}:)?[0-5]\d:[0-5]\d\.\d{3})\s+-->\s+((?:\d{2,}:)?[0-5]\d:[0-5]\d\.\d{3})(\s+.*)?$/
const SRT_TIMING = /^(\d{1,3}:[0-5]\d:[0-5]\d[,.]\d{1,3})\s+-->\s+(\d{1,3}:[0-5]\d:[0-5]\d[,.]\d{1,3})(?:\s+.*)?$/

function seconds (timestamp: string) {
  const parts = timestamp.replace(',', '.').split(':').map(Number)
  return parts.reduce((total, part) => total * 60 + part, 0)
}

function textOf (buffer: Buffer) {
  // A NUL byte never occurs in a text subtitle file: this is binary data (a video, an image, an archive...).
  if (buffer.includes(0)) throw new NotASubtitleFileError('The file is binary, not a subtitle file')
  const text = buffer.toString('utf8')
  if (text.includes('\uFFFD')) throw new NotASubtitleFileError('The file is not UTF-8 text')
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
}

function blocksOf (text: string) {
  return text.split(/\n{2,}/).map(block => block.trim()).filter(block => block !== '')
}

/** Checks a WebVTT file: its header, then cues (an optional identifier, a timing line) and NOTE/STYLE/REGION blocks. */
function normalizeWebVtt (text: string) {
  const [ header, ...blocks ] = blocksOf(text)
  if (!/^WEBVTT(?:[ \t].*)?(?:\n|$)/.test(header)) throw new NotASubtitleFileError('The WebVTT header is missing')

  let cues = 0
  for (const block of blocks) {
    const lines = block.split('\n')
    if (/^(NOTE|STYLE|REGION)(\s|$)/.test(lines[0])) continue
    const timing = VTT_TIMING.exec(lines[0]) ?? VTT_TIMING.exec(lines[1] ?? '')
    if (!timing || seconds(timing[2]) < seconds(timing[1])) throw new NotASubtitleFileError(`Not a WebVTT cue: "${lines[0].slice(0, 60)}"`)
    cues++
  }
  if (cues === 0) throw new NotASubtitleFileError('The file has no cue')
  return [ header, ...blocks ].join('\n\n') + '\n'
}

function vttTimestamp (srt: string) {
  const [ clock, fraction = '0' ] = srt.split(/[,.]/)
  const [ h, m, s ] = clock.split(':')
  return `${h.padStart(2, '0')}:${m}:${s}.${fraction.padEnd(3, '0')}`
}

/** SubRip: numbered cues with `00:00:01,000 --> 00:00:02,000` timings; <font> tags (unknown to WebVTT) are dropped. */
function subRipToWebVtt (text: string) {
  const cues: string[] = []
  for (const block of blocksOf(text)) {
    const lines = block.split('\n')
    const timingLine = /^\d+$/.test(lines[0]) ? 1 : 0
    const timing = SRT_TIMING.exec(lines[timingLine] ?? '')
    if (!timing || seconds(timing[2]) < seconds(timing[1])) throw new NotASubtitleFileError(`Not a SubRip cue: "${lines[0].slice(0, 60)}"`)
    const body = lines.slice(timingLine + 1)
      .map(line => line.replace(/<\/?font[^>]*>/gi, '').replace(/\{\\[^}]*\}/g, ''))
      // "-->" would end the cue text early in WebVTT.
      .map(line => line.replace(/-->/g, '→'))
    cues.push(`${vttTimestamp(timing[1])} --> ${vttTimestamp(timing[2])}\n${body.join('\n')}`.trimEnd())
  }
  if (cues.length === 0) throw new NotASubtitleFileError('The file has no cue')
  return `WEBVTT\n\n${cues.join('\n\n')}\n`
}

/** A WebVTT or SubRip file (by its content, whatever its name) as WebVTT; throws NotASubtitleFileError otherwise. */
export function subtitlesToWebVtt (buffer: Buffer) {
  const text = textOf(buffer)
  return text.startsWith('WEBVTT') ? normalizeWebVtt(text) : subRipToWebVtt(text)
}
