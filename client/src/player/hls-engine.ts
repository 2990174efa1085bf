// HLS playback with adaptive bitrate (hls.js) and segment sharing between viewers (p2p-media-loader):
// segments come from peers when they have them, else from the server; peer data is checked against
// the server's SHA-256 list before use.
import { StreamingPlaylistType, type VideoStreamingPlaylist } from '../../../shared/models/client-video.js'
import { AUTO_RESOLUTION, resolutionLabel, type EngineContext, type PlayerEngine, type ResolutionOption } from './engine.js'
import { frameProgramDate, livePlaybackOf } from './live-playback.js'
import { baseOf, MirrorSources } from './mirror-sources.js'
import { canValidateSegments, createSegmentValidator } from './segment-validator.js'
import { webSocketTrackers } from './trackers.js'

export function hlsPlaylistOf (playlists: VideoStreamingPlaylist[] | undefined): VideoStreamingPlaylist | undefined {
  return playlists?.find(p => p.type === StreamingPlaylistType.HLS && p.playlistUrl)
}

export function canUseMediaSource (): boolean {
  const w = window as unknown as { MediaSource?: unknown; ManagedMediaSource?: unknown }
  return !!(w.MediaSource || w.ManagedMediaSource)
}

/** hls.js retries by itself; these many fatal errors in a row end the engine. */
const MAX_RECOVERIES = 3

export async function createHlsEngine (context: EngineContext): Promise<PlayerEngine> {
  const { video, stats, details } = context
  const playlist = hlsPlaylistOf(details.streamingPlaylists)
  if (!playlist) throw new Error('No HLS playlist for this video')

  const [{ default: Hls }, { HlsJsP2PEngine }] = await Promise.all([
    import('hls.js/light'),
    import('p2p-media-loader-hlsjs')
  ])
  if (!Hls.isSupported()) throw new Error('This browser cannot play HLS through Media Source Extensions')

  const live = details.isLive ? await livePlaybackOf(details, playlist) : undefined
  const sourceUrl = live?.sourceUrl ?? playlist.playlistUrl
  const hashesUrl = live ? live.segmentsSha256Url : playlist.segmentsSha256Url
  // Without a way to check peer data, do not take data from peers at all.
  const p2p = context.p2p && (live?.p2p ?? true) && canValidateSegments() && !!hashesUrl
  // Video on demand: a segment the origin fails to send (or stalls on) is fetched from a mirror.
  const mirrors = live ? undefined : new MirrorSources([ baseOf(playlist.playlistUrl), ...(playlist.redundancies ?? []).map(r => r.baseUrl) ])
  const usedUrls = new Map<string, string>()
  const httpRequestSetup = mirrors && mirrors.size > 1
    ? async (segmentUrl: string, _range: unknown, signal: AbortSignal, requestRange: { start: number; end?: number } | undefined) => {
      const url = mirrors.rewrite(segmentUrl)
      usedUrls.set(segmentUrl, url)
      const headers = requestRange ? { Range: `bytes=${requestRange.start}-${requestRange.end ?? ''}` } : undefined
      return new Request(url, { headers, signal })
    }
    : undefined
  // What hls.js loads itself (playlists, the init section): the same choice of source.
  const xhrSetup = mirrors && mirrors.size > 1
    ? (xhr: XMLHttpRequest, url: string) => {
      const target = mirrors.rewrite(url)
      usedUrls.set(url, target)
      xhr.open('GET', target, true)
    }
    : undefined
  const HlsWithP2P = HlsJsP2PEngine.injectMixin(Hls)
  const hls = new HlsWithP2P({
    capLevelToPlayerSize: true,
    xhrSetup,
    ...live?.hlsConfig,
    p2p: {
      core: {
        // The origin's playlist URL: viewers of the same video on any instance share one swarm.
        swarmId: playlist.playlistUrl,
        announceTrackers: webSocketTrackers(details.trackerUrls),
        rtcConfig: { iceServers: context.iceServers },
        isP2PDisabled: !p2p,
        isP2PUploadDisabled: !p2p,
        validateP2PSegment: p2p ? createSegmentValidator(hashesUrl!) : undefined,
        httpRequestSetup,
        ...live?.p2pConfig
      }
    }
  })

  stats.start('hls', p2p)
  const peers = new Set<string>()
  const engine = hls.p2pEngine
  // Totals count whole segments once they passed validation; chunks only feed the speed.
  engine.addEventListener('onChunkDownloaded', bytes => stats.addDownloadSpeedSample(bytes))
  // HTTP downloads under way, by segment URL (the byte ranges of one file share it), oldest first: how long each took
  // for how much media is the throughput of its source, so a source too slow to keep up is left for another.
  const downloads = new Map<string, { at: number; mediaSeconds: number; inFlight: number }[]>()
  const inFlight = () => [...downloads.values()].reduce((n, list) => n + list.length, 0)
  const finishDownload = (url: string) => {
    const list = downloads.get(url)
    const started = list?.shift()
    if (list?.length === 0) downloads.delete(url)
    return started
  }
  engine.addEventListener('onSegmentStart', ({ segment, downloadSource }) => {
    if (downloadSource !== 'http' || !mirrors || mirrors.size < 2) return
    const list = downloads.get(segment.url) ?? []
    list.push({ at: performance.now(), mediaSeconds: segment.endTime - segment.startTime, inFlight: inFlight() + 1 })
    downloads.set(segment.url, list)
  })
  engine.addEventListener('onSegmentLoaded', ({ bytesLength, downloadSource, segmentUrl }) => {
    stats.addDownloadTotal(bytesLength, downloadSource === 'p2p' ? 'peer' : 'server')
    if (downloadSource !== 'http' || !mirrors) return
    const url = usedUrls.get(segmentUrl) ?? segmentUrl
    const started = finishDownload(segmentUrl)
    // Downloads side by side share the bandwidth: each one's media counts that many times.
    if (started) mirrors.reportThroughput(url, started.mediaSeconds * started.inFlight, performance.now() - started.at)
    else mirrors.reportSuccess(url)
  })
  engine.addEventListener('onSegmentError', ({ error, downloadSource, segment }) => {
    if (downloadSource === 'http') finishDownload(segment.url)
    if (error.type === 'p2p-segment-validation-failed') stats.addRejectedFromPeers()
    // An HTTP error or a stall: the source it came from is dropped for a while, the retry goes to the next.
    if (downloadSource === 'http') mirrors?.reportFailure(usedUrls.get(segment.url) ?? segment.url)
  })
  engine.addEventListener('onSegmentAbort', ({ segment, downloadSource }) => { if (downloadSource === 'http') finishDownload(segment.url) })
  engine.addEventListener('onChunkUploaded', bytes => stats.addUpload(bytes))
  engine.addEventListener('onPeerConnect', ({ peerId }) => { peers.add(peerId); stats.setPeers(peers.size) })
  engine.addEventListener('onPeerClose', ({ peerId }) => { peers.delete(peerId); stats.setPeers(peers.size) })
  stats.countPeersWith(() => peers.size)

  let selected = AUTO_RESOLUTION
  let recoveries = 0
  const heightOf = (levelIndex: number): number | null => hls.levels[levelIndex]?.height ?? null

  const report = () => {
    stats.setResolution(heightOf(hls.currentLevel), selected === AUTO_RESOLUTION)
    context.onResolutionsChange()
  }

  hls.on(Hls.Events.MANIFEST_PARSED, report)
  hls.on(Hls.Events.LEVEL_SWITCHED, () => { recoveries = 0; report() })
  hls.on(Hls.Events.ERROR, (_event, data) => {
    if (data.type === Hls.ErrorTypes.NETWORK_ERROR && mirrors) {
      const url = data.frag?.url ?? data.context?.url ?? data.url
      if (url) mirrors.reportFailure(usedUrls.get(url) ?? url)
    }
    if (!data.fatal) return
    if (++recoveries > MAX_RECOVERIES) {
      context.onFatalError(`HLS: ${data.details}`)
      return
    }
    if (data.type === Hls.ErrorTypes.NETWORK_ERROR) hls.startLoad()
    else if (data.type === Hls.ErrorTypes.MEDIA_ERROR) hls.recoverMediaError()
    else context.onFatalError(`HLS: ${data.details}`)
  })

  // A live read through this instance's relay keeps the origin's playlist URL as its swarm id (above).
  hls.loadSource(sourceUrl)
  hls.attachMedia(video)

  // The live edge date of what plays now (EXT-X-PROGRAM-DATE-TIME): for latency measurements.
  // hls.js's own view of it (latency from the playlist's edge, its target, the catch-up rate, the buffer ahead).
  const catchUp = () => ({
    latency: hls.latency,
    targetLatency: hls.targetLatency,
    maxLatency: hls.maxLatency,
    playbackRate: video.playbackRate,
    forwardBuffer: video.buffered.length ? video.buffered.end(video.buffered.length - 1) - video.currentTime : 0
  })
  if (live) (window as unknown as { __tubelessLive?: unknown }).__tubelessLive = { latencyMode: live.latencyMode, sourceUrl, playingDate: () => frameProgramDate(hls.levels[hls.currentLevel]?.details, video.currentTime), catchUp }

  return {
    kind: 'hls',
    resolutions (): ResolutionOption[] {
      const heights = [...new Set(hls.levels.map(level => level.height))].sort((a, b) => b - a)
      return heights.map(height => ({ id: height, label: resolutionLabel(height) }))
    },
    selectedResolution: () => selected,
    playingResolution: () => heightOf(hls.currentLevel),
    setResolution (id: number) {
      selected = id
      hls.currentLevel = id === AUTO_RESOLUTION ? -1 : hls.levels.findIndex(level => level.height === id)
      report()
    },
    destroy () {
      stats.stop()
      hls.destroy()
      if (live) delete (window as unknown as { __tubelessLive?: unknown }).__tubelessLive
    }
  }
}
