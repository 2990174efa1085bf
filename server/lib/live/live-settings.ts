import { TRANSCODING_RESOLUTIONS } from '../../initializers/config/schema.js'
import { CONFIG } from '../../initializers/config/index.js'
import { LATENCY_PROFILES, LIVE_RTMP_APP } from '../../initializers/constants/live.js'
import { LiveVideoLatencyMode, type LiveVideoLatencyModeType } from '../../../shared/models/lives.js'
import { computeMaxBitrate, computeRungFps } from '../video-pipeline/rung-settings.js'
import type { LiveRung } from './ladder/live-ladder-types.js'

export function latencyProfileOf (mode: LiveVideoLatencyModeType) {
  // When streamers may not choose, every live gets the default mode.
  const effective = CONFIG.live.latency_setting.enabled ? mode : LiveVideoLatencyMode.DEFAULT
  return LATENCY_PROFILES[effective] ?? LATENCY_PROFILES[LiveVideoLatencyMode.DEFAULT]
}

export function enabledLiveResolutions () {
  return TRANSCODING_RESOLUTIONS.filter(r => CONFIG.live.transcoding.resolutions[`${r}p`])
}

/**
 * The rungs of a session: the enabled resolutions up to the stream's own (which is added when asked, or when no
 * enabled one fits), highest first, then audio only when enabled. Live transcoding off: the stream as it comes.
 */
export function planLiveRungs (source: { width: number, height: number, fps: number, hasVideo: boolean, hasAudio: boolean }): LiveRung[] {
  const audioOnly: LiveRung = { resolution: 0, fps: 0, maxBitrate: 0 }
  if (!source.hasVideo) return [ audioOnly ]
  const sourceResolution = Math.min(source.width, source.height) || 720
  const fps = source.fps > 0 ? source.fps : 30

  if (!CONFIG.live.transcoding.enabled) {
    return [ { resolution: sourceResolution, fps, maxBitrate: computeMaxBitrate(sourceResolution, fps) } ]
  }

  const resolutions = new Set<number>(enabledLiveResolutions().filter(r => r <= sourceResolution))
  if (CONFIG.live.transcoding.always_transcode_original_resolution || resolutions.size === 0) resolutions.add(sourceResolution)
  const rungs = [ ...resolutions ].sort((a, b) => b - a).map(resolution => {
    const rungFps = computeRungFps(fps, resolution)
    return { resolution, fps: rungFps, maxBitrate: computeMaxBitrate(resolution, rungFps) }
  })
  if (CONFIG.live.transcoding.resolutions['0p'] && source.hasAudio) rungs.push(audioOnly)
  return rungs
}

/** The URLs streamers push to (PeerTube's `rtmpUrl` / `rtmpsUrl`). */
export function liveIngestUrls () {
  const { rtmp, rtmps } = CONFIG.live
  return {
    rtmpUrl: rtmp.enabled ? `rtmp://${rtmp.public_hostname ?? CONFIG.webserver.hostname}:${rtmp.port}/${LIVE_RTMP_APP}` : undefined,
    rtmpsUrl: rtmps.enabled ? `rtmps://${rtmps.public_hostname ?? CONFIG.webserver.hostname}:${rtmps.port}/${LIVE_RTMP_APP}` : undefined
  }
}

/** Where the ladder plays a stream from: our own ingest, on loopback (plain RTMP when it is enabled). */
export function ladderInputUrl (playName: string) {
  const { rtmp, rtmps } = CONFIG.live
  const host = (hostname: string) => (hostname === '0.0.0.0' || hostname === '::' ? '127.0.0.1' : hostname)
  if (rtmp.enabled) return `rtmp://${host(rtmp.hostname)}:${rtmp.port}/${LIVE_RTMP_APP}/${playName}`
  return `rtmps://${host(rtmps.hostname)}:${rtmps.port}/${LIVE_RTMP_APP}/${playName}`
}

/**
 * Whether a session's ladder goes to a remote runner: `live.transcoding.remote_runners.enabled`, and something to
 * transcode (a runner gets video rungs; a sound-only stream or transcoding switched off stays here).
 */
export function runsOnRunner (settings: { copyInput: boolean, rungs: LiveRung[] }) {
  return CONFIG.live.transcoding.enabled && CONFIG.live.transcoding.remote_runners.enabled && !settings.copyInput &&
    settings.rungs.some(rung => rung.resolution > 0)
}

/** Where a remote runner plays a stream from: our public ingest address (plain RTMP when it is enabled). */
export function runnerInputUrl (playName: string) {
  const { rtmpUrl, rtmpsUrl } = liveIngestUrls()
  return `${rtmpUrl ?? rtmpsUrl}/${playName}`
}
