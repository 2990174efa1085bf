// Plain HTTP playback: <video src> on one MP4 per resolution. Used when WebRTC is missing, P2P is off,
// or the other engines failed. HLS-only videos play their fragmented MP4 files the same way.
import type { VideoDetails, VideoFile } from '../../../shared/models/client-video.js'
import { mirrorUrlsOfFile, SLOW_REALTIME_FACTOR } from './mirror-sources.js'
import { AUTO_RESOLUTION, pickAutoResolution, preservePlayback, resolutionLabel, type EngineContext, type PlayerEngine, type ResolutionOption } from './engine.js'

/** Playable single files, best first: web videos, else the HLS playlist's fragmented MP4s. */
export function playableFiles (details: VideoDetails): VideoFile[] {
  const files = details.files?.length ? details.files : details.streamingPlaylists?.[0]?.files ?? []
  return [...files].sort((a, b) => b.resolution.id - a.resolution.id)
}

/** Waiting this long for data with a copy: it is too slow, the next copy is tried. */
const STALL_MS = 8000
/**
 * A copy that, while playback needs data (under this much buffered ahead), brings in less than a second of media per
 * second over this window is too slow to keep playing: the next copy is tried. Stalls alone miss a copy that plays
 * in fits and starts.
 */
const LOW_BUFFER_SECONDS = 10
const RATE_WINDOW_MS = 5000

export async function createHttpEngine (context: EngineContext): Promise<PlayerEngine> {
  const { video, stats } = context
  const files = playableFiles(context.details)
  if (files.length === 0) throw new Error('This video has no playable file yet')

  let selected = AUTO_RESOLUTION
  let playing: VideoFile | null = null
  stats.start('http', false)

  // Each file's copies: the origin's, then its mirrors' (the magnet's other WebSeeds, or the HLS mirrors' folders).
  const hlsMirrorBases = (context.details.files?.length ? [] : context.details.streamingPlaylists?.[0]?.redundancies ?? []).map(r => r.baseUrl)
  const copiesOf = (file: VideoFile) => [ file.fileUrl, ...mirrorUrlsOfFile(file), ...hlsMirrorBases.map(base => `${base}/${file.fileUrl.split('/').pop()}`) ]
  let copy = 0
  let rateWindow: { at: number; bufferedEnd: number } | undefined
  const load = (file: VideoFile, copyIndex = 0) => {
    playing = file
    copy = copyIndex
    rateWindow = undefined
    preservePlayback(video, () => { video.src = copiesOf(file)[copyIndex] })
    stats.setResolution(file.resolution.id, selected === AUTO_RESOLUTION)
    context.onResolutionsChange()
  }

  // Count what the browser fetched, so the stats panel still tells server bytes.
  const onProgress = () => {
    if (!playing || !video.duration) return
    const buffered = video.buffered.length ? video.buffered.end(video.buffered.length - 1) : 0
    const estimate = Math.round(playing.size * Math.min(1, buffered / video.duration))
    const known = stats.currentServerBytes()
    if (estimate > known) stats.addDownload(estimate - known, 'server')
  }
  video.addEventListener('progress', onProgress)

  // The copy in use fails (or stalls): the next copy of the same file, from where playback was.
  let stallTimer: ReturnType<typeof setTimeout> | undefined
  const nextCopy = () => {
    clearTimeout(stallTimer)
    if (!playing || copy + 1 >= copiesOf(playing).length) return false
    load(playing, copy + 1)
    return true
  }
  const onStall = () => {
    clearTimeout(stallTimer)
    if (!video.paused || video.autoplay) stallTimer = setTimeout(nextCopy, STALL_MS)
  }
  const onFlowing = () => clearTimeout(stallTimer)
  const bufferedEnd = () => {
    for (let i = 0; i < video.buffered.length; i++) {
      if (video.buffered.start(i) <= video.currentTime + 0.1 && video.currentTime <= video.buffered.end(i)) return video.buffered.end(i)
    }
    return video.currentTime
  }
  // The media seconds the copy brought in per second, measured while playback waits on it.
  const checkRate = () => {
    const end = bufferedEnd()
    const needsData = !video.paused && !video.seeking && end - video.currentTime < LOW_BUFFER_SECONDS && end < video.duration - 0.5
    if (!needsData) {
      rateWindow = undefined
      return
    }
    const now = performance.now()
    if (!rateWindow) {
      rateWindow = { at: now, bufferedEnd: end }
      return
    }
    if (now - rateWindow.at < RATE_WINDOW_MS) return
    const factor = (end - rateWindow.bufferedEnd) / ((now - rateWindow.at) / 1000)
    rateWindow = { at: now, bufferedEnd: end }
    if (factor < SLOW_REALTIME_FACTOR) nextCopy()
  }
  const rateTimer = setInterval(checkRate, 1000)
  video.addEventListener('waiting', onStall)
  video.addEventListener('stalled', onStall)
  video.addEventListener('playing', onFlowing)
  video.addEventListener('timeupdate', onFlowing)

  const autoFile = () => {
    const resolution = pickAutoResolution(video, files.map(f => f.resolution.id))
    return files.find(f => f.resolution.id === resolution) ?? files[0]
  }
  load(autoFile())

  return {
    kind: 'http',
    resolutions: (): ResolutionOption[] => files.map(f => ({ id: f.resolution.id, label: resolutionLabel(f.resolution.id) })),
    // The player asks before giving up on this engine after a media error (a copy that 404s, say).
    tryAnotherCopy: nextCopy,
    selectedResolution: () => selected,
    playingResolution: () => playing?.resolution.id ?? null,
    setResolution (id: number) {
      selected = id
      const file = id === AUTO_RESOLUTION ? autoFile() : files.find(f => f.resolution.id === id)
      if (file && file !== playing) load(file)
      else context.onResolutionsChange()
    },
    destroy () {
      clearTimeout(stallTimer)
      clearInterval(rateTimer)
      video.removeEventListener('progress', onProgress)
      video.removeEventListener('waiting', onStall)
      video.removeEventListener('stalled', onStall)
      video.removeEventListener('playing', onFlowing)
      video.removeEventListener('timeupdate', onFlowing)
      stats.stop()
      video.removeAttribute('src')
      video.load()
    }
  }
}
