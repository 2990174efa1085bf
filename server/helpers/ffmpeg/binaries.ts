// Which ffmpeg/ffprobe to run. Debian's ffmpeg is on PATH here; FFMPEG_PATH / FFPROBE_PATH let an operator
// (or the config, through setFfmpegBinaries) point at another build without touching the code.

const binaries = {
  ffmpeg: process.env.FFMPEG_PATH || 'ffmpeg',
  ffprobe: process.env.FFPROBE_PATH || 'ffprobe'
}

export function setFfmpegBinaries (paths: { ffmpeg?: string, ffprobe?: string }) {
  if (paths.ffmpeg) binaries.ffmpeg = paths.ffmpeg
  if (paths.ffprobe) binaries.ffprobe = paths.ffprobe
}

export function getFfmpegPath () {
  return binaries.ffmpeg
}

export function getFfprobePath () {
  return binaries.ffprobe
}
