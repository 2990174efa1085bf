// What PeerTube's embed API (npm @peertube/embed-api) may ask of our embed player, and the events it gets:
// methods play, pause, seek, setVolume/getVolume, getResolutions/setResolution, captions, playback rates,
// isReady; events ready, play, pause, playbackStatusUpdate (every 500 ms), playbackStatusChange, volumeChange,
// resolutionUpdate. Shapes are PeerTube's (PeerTubeResolution, PeerTubeTextTrack).
import type { VideoDetails } from '../../../../shared/models/client-video.js'
import { AUTO_RESOLUTION, resolutionLabel, type PlayerEngine } from '../engine.js'
import { EmbedChannel } from './channel.js'

export interface EmbedApiTarget {
  video: HTMLVideoElement
  engine: () => PlayerEngine | null
  /** The video's files, for the resolutions asked before the engine has started (it loads on play). */
  details: Pick<VideoDetails, 'files' | 'streamingPlaylists'>
}

export interface EmbedApi {
  /** The engine's resolutions or the one it plays changed. */
  resolutionsChanged (): void
  destroy (): void
}

const PLAYBACK_RATES = [ 0.5, 0.75, 1, 1.25, 1.5, 2 ]
const STATUS_INTERVAL_MS = 500

type PlaybackState = 'unstarted' | 'playing' | 'paused' | 'ended'

function numberParam (value: unknown, name: string) {
  const number = typeof value === 'string' ? Number(value) : value
  if (typeof number !== 'number' || !Number.isFinite(number)) throw new Error(`${name} should be a number`)
  return number
}

/** Starts the API when the page is in a frame (nothing to talk to otherwise). */
export function startEmbedApi (target: EmbedApiTarget): EmbedApi | null {
  if (window.parent === window) return null
  const { video } = target
  const channel = new EmbedChannel(window.parent)
  let state: PlaybackState = 'unstarted'
  // Asked before the engine started (it loads on play): applied once it has.
  let pendingResolution: number | null = null

  const resolutions = () => {
    const engine = target.engine()
    if (!engine) {
      const heights = [ ...new Set([ ...target.details.files, ...target.details.streamingPlaylists.flatMap(p => p.files) ].map(f => f.resolution.id)) ]
        .sort((a, b) => b - a)
      if (heights.length === 0) return []
      return [
        { id: AUTO_RESOLUTION, label: 'Auto', height: 0, active: true },
        ...heights.map(height => ({ id: height, label: resolutionLabel(height), height, active: false }))
      ]
    }
    const selected = engine.selectedResolution()
    const playing = engine.playingResolution()
    return [
      { id: AUTO_RESOLUTION, label: 'Auto', height: playing ?? 0, active: selected === AUTO_RESOLUTION },
      ...engine.resolutions().map(r => ({ id: r.id, label: r.label, height: r.id, active: selected === r.id }))
    ]
  }

  const captions = () => Array.from(video.textTracks).map((track, i) => ({
    id: track.language || String(i),
    label: track.label,
    src: (video.querySelectorAll('track')[i] as HTMLTrackElement | undefined)?.src ?? '',
    mode: track.mode
  }))

  channel
    .bind('isReady', () => true)
    .bind('play', () => {
      // Not awaited: before the start, the play request starts the engine, which plays once it has a source.
      void video.play().catch(() => undefined)
    })
    .bind('pause', () => video.pause())
    .bind('isPlaying', () => !video.paused && !video.ended)
    .bind('seek', params => {
      const seconds = Math.max(0, numberParam(params, 'seek'))
      video.currentTime = Number.isFinite(video.duration) ? Math.min(seconds, video.duration) : seconds
    })
    .bind('getCurrentTime', () => video.currentTime)
    .bind('setVolume', params => { video.volume = Math.min(1, Math.max(0, numberParam(params, 'volume'))) })
    .bind('getVolume', () => video.volume)
    .bind('getResolutions', resolutions)
    .bind('setResolution', params => {
      const id = numberParam(params, 'resolutionId')
      if (!resolutions().some(r => r.id === id)) throw new Error(`No resolution ${id}`)
      const engine = target.engine()
      if (engine) engine.setResolution(id)
      else pendingResolution = id
    })
    .bind('getCaptions', captions)
    .bind('setCaption', params => {
      const wanted = typeof params === 'string' ? params : ''
      Array.from(video.textTracks).forEach((track, i) => {
        track.mode = wanted !== '' && (track.language || String(i)) === wanted ? 'showing' : 'disabled'
      })
    })
    .bind('getPlaybackRates', () => PLAYBACK_RATES)
    .bind('getPlaybackRate', () => video.playbackRate)
    .bind('setPlaybackRate', params => { video.playbackRate = Math.min(16, Math.max(0.0625, numberParam(params, 'rate'))) })
    // A single video: no playlist to move in.
    .bind('getCurrentPosition', () => null)
    .bind('playNextVideo', () => undefined)
    .bind('playPreviousVideo', () => undefined)
    .bind('getImageDataUrl', () => {
      const canvas = document.createElement('canvas')
      canvas.width = video.videoWidth
      canvas.height = video.videoHeight
      canvas.getContext('2d')?.drawImage(video, 0, 0)
      return canvas.toDataURL('image/jpeg')
    })

  const status = () => ({
    position: video.currentTime,
    volume: video.volume,
    duration: Number.isFinite(video.duration) ? video.duration : 0,
    playbackState: state
  })
  const change = (next: PlaybackState) => {
    if (state === next) return
    state = next
    channel.notify('playbackStatusChange', next)
  }
  const listeners: [string, () => void][] = [
    [ 'playing', () => change('playing') ],
    [ 'play', () => channel.notify('play') ],
    [ 'pause', () => {
      channel.notify('pause')
      if (!video.ended) change('paused')
    } ],
    [ 'ended', () => change('ended') ],
    [ 'volumechange', () => channel.notify('volumeChange', video.volume) ]
  ]
  for (const [ event, listener ] of listeners) video.addEventListener(event, listener)
  const timer = window.setInterval(() => channel.notify('playbackStatusUpdate', status()), STATUS_INTERVAL_MS)

  channel.notify('ready', true, true)

  return {
    resolutionsChanged: () => {
      const engine = target.engine()
      if (engine && pendingResolution !== null) {
        const id = pendingResolution
        pendingResolution = null
        if (engine.resolutions().some(r => r.id === id) || id === AUTO_RESOLUTION) engine.setResolution(id)
      }
      channel.notify('resolutionUpdate')
    },
    destroy: () => {
      window.clearInterval(timer)
      for (const [ event, listener ] of listeners) video.removeEventListener(event, listener)
      channel.destroy()
    }
  }
}
