// Plain HTTP playback: <video src> on one MP4 per resolution. Used when WebRTC is missing, P2P is off,
// or the other engines failed. HLS-only videos play their fragmented MP4 files the same way.
import type { VideoDetails, VideoFile } from '../../../shared/models/client-video.js'
import { AUTO_RESOLUTION, pickAutoResolution, preservePlayback, resolutionLabel, type EngineContext, type PlayerEngine, type ResolutionOption } from './engine.js'

/** Playable single files, best first: web videos, else the HLS playlist's fragmented MP4s. */
export function playableFiles (details: VideoDetails): VideoFile[] {
  const files = details.files?.length ? details.files : details.streamingPlaylists?.[0]?.files ?? []
  return [...files].sort((a, b) => b.resolution.id - a.resolution.id)
}

export async function createHttpEngine (context: EngineContext): Promise<PlayerEngine> {
  const { video, stats } = context
  const files = playableFiles(context.details)
  if (files.length === 0) throw new Error('This video has no playable file yet')

  let selected = AUTO_RESOLUTION
  let playing: VideoFile | null = null
  stats.start('http', false)

  const load = (file: VideoFile) => {
    playing = file
    preservePlayback(video, () => { video.src = file.fileUrl })
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

  const autoFile = () => {
    const resolution = pickAutoResolution(video, files.map(f => f.resolution.id))
    return files.find(f => f.resolution.id === resolution) ?? files[0]
  }
  load(autoFile())

  return {
    kind: 'http',
    resolutions: (): ResolutionOption[] => files.map(f => ({ id: f.resolution.id, label: resolutionLabel(f.resolution.id) })),
    selectedResolution: () => selected,
    playingResolution: () => playing?.resolution.id ?? null,
    setResolution (id: number) {
      selected = id
      const file = id === AUTO_RESOLUTION ? autoFile() : files.find(f => f.resolution.id === id)
      if (file && file !== playing) load(file)
      else context.onResolutionsChange()
    },
    destroy () {
      video.removeEventListener('progress', onProgress)
      stats.stop()
      video.removeAttribute('src')
      video.load()
    }
  }
}
