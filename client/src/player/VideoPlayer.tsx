// The <video> element plus the engine that feeds it, a resolution menu and the P2P statistics (behind a toggle).
// Nothing is downloaded before the viewer asks to play: the page shows the preview picture and a play button, and
// the engine (hls.js, WebTorrent: most of the page's weight) loads only then. With autoplay it starts at once.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks'
import type { VideoDetails } from '../../../shared/models/client-video.js'
import { listVideoCaptions, listVideoChapters, type VideoCaption, type VideoChapter } from '../api/captions.js'
import { ChapterMarkers } from './ChapterMarkers.js'
import { listVideoStoryboards, type Storyboard } from '../api/storyboards.js'
import { StoryboardSeekBar } from './StoryboardSeekBar.js'
import { startEmbedApi, type EmbedApi } from './embed-api/embed-player-api.js'
import { iceServersFrom } from '../api/server.js'
import { Icon } from '../components/Icon.js'
import { t } from '../i18n/i18n.js'
import { languageLabel } from '../lib/constants.js'
import { configStore, isP2PEnabled } from '../lib/session.js'
import { ENGINE_FACTORIES, engineOrder, hasWebRTC } from './choose-engine.js'
import { AUTO_RESOLUTION, type PlayerEngine, type ResolutionOption } from './engine.js'
import { P2PStatsPanel } from './P2PStatsPanel.js'
import { StatsTracker, type EngineKind } from './p2p-stats.js'
import { watchForView } from './view-counter.js'
import { reportWatchingPosition } from './watch-reporter.js'
import { reportPlaybackMetrics } from './playback-metrics-reporter.js'

interface Props {
  details: VideoDetails
  embed?: boolean
  autoplay?: boolean
  /** `?mode=hls|webtorrent|http` from the page URL. */
  forcedEngine?: string | null
  /** Statistics panel open from the start (embed `?stats=1`); otherwise behind the toolbar's toggle. */
  showStats?: boolean
  /** Seconds to start at (resume, playlist element start). */
  startTime?: number
  /** Seconds to stop at (playlist element stop): playback pauses there and counts as the end. */
  stopTime?: number | null
  /** The video ended (or reached stopTime): a playlist goes on to its next element. */
  onEnded?: () => void
  /** Answer PeerTube's embed API (@peertube/embed-api) from the page that frames us. */
  embedApi?: boolean
}

interface EngineView {
  kind: EngineKind | null
  resolutions: ResolutionOption[]
  selected: number
  playing: number | null
}

const NO_ENGINE: EngineView = { kind: null, resolutions: [], selected: AUTO_RESOLUTION, playing: null }

export function VideoPlayer ({ details, embed = false, autoplay = false, forcedEngine = null, showStats = false, startTime, stopTime, onEnded, embedApi = false }: Props) {
  const videoRef = useRef<HTMLVideoElement>(null)
  // Read by the listeners below without restarting the engine when the page passes new callbacks.
  const endRef = useRef({ stopTime, onEnded })
  endRef.current = { stopTime, onEnded }
  const engineRef = useRef<PlayerEngine | null>(null)
  const [view, setView] = useState<EngineView>(NO_ENGINE)
  const [error, setError] = useState<string | null>(null)
  const [started, setStarted] = useState(autoplay)
  const [statsOpen, setStatsOpen] = useState(showStats)

  // Before the start: a play request (our button, the native controls, a script) starts the engine.
  useEffect(() => {
    const video = videoRef.current
    if (!video || started) return
    const onPlay = () => setStarted(true)
    video.addEventListener('play', onPlay)
    return () => video.removeEventListener('play', onPlay)
  }, [started, details.uuid])

  const [captions, setCaptions] = useState<VideoCaption[]>([])
  const [chapters, setChapters] = useState<VideoChapter[]>([])
  const [storyboard, setStoryboard] = useState<Storyboard | null>(null)
  const apiRef = useRef<EmbedApi | null>(null)
  // A chapter chosen before the start: applied once the engine has loaded the video's metadata.
  const pendingSeek = useRef<number | null>(null)

  // Subtitles as <track>s: the browser's own captions menu lists them (none shown until the viewer picks one).
  useEffect(() => {
    let cancelled = false
    setCaptions([])
    setChapters([])
    listVideoCaptions(details.uuid).then(list => { if (!cancelled) setCaptions(list.data) }, () => undefined)
    listVideoChapters(details.uuid).then(list => { if (!cancelled) setChapters(list) }, () => undefined)
    setStoryboard(null)
    if (!details.isLive) listVideoStoryboards(details.uuid).then(list => { if (!cancelled) setStoryboard(list[0] ?? null) }, () => undefined)
    return () => { cancelled = true }
  }, [details.uuid])

  useEffect(() => {
    const video = videoRef.current
    if (!embedApi || !video) return
    apiRef.current = startEmbedApi({ video, engine: () => engineRef.current, details })
    return () => {
      apiRef.current?.destroy()
      apiRef.current = null
    }
  }, [embedApi, details.uuid])

  const getVideoElement = useCallback(() => videoRef.current, [])
  const seek = (seconds: number) => {
    const video = videoRef.current
    if (!video) return
    if (started && video.readyState >= 1) {
      video.currentTime = seconds
      return
    }
    pendingSeek.current = seconds
    if (!started) setStarted(true)
  }

  useEffect(() => {
    const video = videoRef.current
    if (!video || !started) return
    let cancelled = false
    const stats = new StatsTracker()
    const p2p = isP2PEnabled(embed) && hasWebRTC()
    const order = engineOrder({ details, p2p, forced: forcedEngine })
    const stopViews = watchForView(video, details.uuid, { live: details.isLive })
    // A live has no position to resume at.
    const stopReporting = details.isLive ? () => {} : reportWatchingPosition(video, details.uuid)
    const playbackMetrics = reportPlaybackMetrics(video, details.uuid, stats, configStore.get())
    let startApplied = startTime === undefined
    let ended = false
    const applyStart = () => {
      if (pendingSeek.current !== null && Number.isFinite(video.duration)) {
        video.currentTime = Math.min(pendingSeek.current, video.duration)
        pendingSeek.current = null
        startApplied = true
        return
      }
      if (startApplied || !Number.isFinite(video.duration)) return
      startApplied = true
      if (startTime! > 0 && startTime! < video.duration) video.currentTime = startTime!
    }
    const finish = () => {
      if (ended) return
      ended = true
      endRef.current.onEnded?.()
    }
    const checkStop = () => {
      const stop = endRef.current.stopTime
      if (stop && video.currentTime >= stop) {
        video.pause()
        finish()
      }
    }
    video.addEventListener('loadedmetadata', applyStart)
    video.addEventListener('timeupdate', checkStop)
    video.addEventListener('ended', finish)
    let detachMediaError = () => {}

    const refresh = () => {
      const engine = engineRef.current
      if (cancelled || !engine) return
      setView({ kind: engine.kind, resolutions: engine.resolutions(), selected: engine.selectedResolution(), playing: engine.playingResolution() })
      apiRef.current?.resolutionsChanged()
    }

    const startAt = async (index: number, reason?: string): Promise<void> => {
      engineRef.current?.destroy()
      engineRef.current = null
      if (cancelled) return
      const kind = order[index]
      if (reason) console.warn(`Player: ${reason}${kind ? `; trying ${kind}` : ''}`)
      if (!kind) {
        setError(t(order.length === 0 ? 'player.noFile' : 'player.cannotPlay'))
        setView(NO_ENGINE)
        return
      }
      let failedAlready = false
      // A source the element cannot read (e.g. the streaming worker was bypassed) also ends the engine.
      const onMediaError = () => {
        // A late event from a source already replaced finds error reset to null by load().
        if (!video.error) return
        // The file may have other copies (mirrors) before this engine is given up.
        if (engineRef.current?.kind === kind && engineRef.current.tryAnotherCopy?.()) return
        fail(`${kind}: media error ${video.error.code} ${video.error.message}`.trim())
      }
      const fail = (message: string) => {
        if (failedAlready || cancelled) return
        failedAlready = true
        playbackMetrics.addError()
        video.removeEventListener('error', onMediaError)
        void startAt(index + 1, message)
      }
      video.addEventListener('error', onMediaError)
      detachMediaError = () => video.removeEventListener('error', onMediaError)
      try {
        const engine = await ENGINE_FACTORIES[kind]({
          video,
          details,
          stats,
          iceServers: iceServersFrom(configStore.get()),
          p2p,
          onResolutionsChange: refresh,
          onFatalError: fail
        })
        if (cancelled) return engine.destroy()
        engineRef.current = engine
        setError(null)
        refresh()
        // Started by a play request (or autoplay): attaching the source cancelled it, so ask again.
        void video.play().catch(() => undefined)
      } catch (err) {
        fail(`${kind} could not start: ${err instanceof Error ? err.message : String(err)}`)
      }
    }
    void startAt(0)

    return () => {
      cancelled = true
      detachMediaError()
      stopViews()
      stopReporting()
      playbackMetrics.stop()
      video.removeEventListener('loadedmetadata', applyStart)
      video.removeEventListener('timeupdate', checkStop)
      video.removeEventListener('ended', finish)
      stats.stop()
      engineRef.current?.destroy()
      engineRef.current = null
    }
  }, [started, details.uuid, forcedEngine, embed, startTime])

  const onResolution = (event: Event) => {
    engineRef.current?.setResolution(Number((event.currentTarget as HTMLSelectElement).value))
  }

  const playingLabel = view.playing !== null ? ` (${view.playing}p)` : ''
  return (
    <div class={embed ? 'player player-embed' : 'player'}>
      <div class="player-stage">
        <video
          ref={videoRef}
          data-testid="video-player"
          data-engine={view.kind ?? ''}
          data-started={started}
          controls={started}
          playsInline
          preload={started ? 'metadata' : 'none'}
          poster={details.previewPath ?? details.thumbnailPath ?? undefined}
          aria-label={t('player.label', { name: details.name })}
        >
          {/* Subtitles: the browser's own captions menu lists them (none shown until the viewer picks one). */}
          {captions.map(c => (
            <track key={c.language.id} kind="subtitles" srclang={c.language.id} label={languageLabel(c.language)} src={c.captionPath} data-testid="caption-track" />
          ))}
        </video>
        {!started && (
          <button type="button" class="player-start" onClick={() => setStarted(true)} data-testid="player-start" aria-label={t('player.play', { name: details.name })}>
            <Icon name="play" size={40} />
          </button>
        )}
      </div>
      {storyboard && <StoryboardSeekBar storyboard={storyboard} duration={details.duration} video={getVideoElement} onSeek={seek} />}
      {error && <p class="error" role="alert" data-testid="player-error">{error}</p>}
      {!embed && <ChapterMarkers chapters={chapters} duration={details.duration} onSeek={seek} />}
      {started && (
        <div class="player-toolbar">
          {view.resolutions.length > 0 && (
            <label>
              {t('player.quality')}{' '}
              <select data-testid="resolution-select" value={String(view.selected)} onChange={onResolution}>
                <option value={String(AUTO_RESOLUTION)}>{t('player.auto')}{view.selected === AUTO_RESOLUTION ? playingLabel : ''}</option>
                {view.resolutions.map(r => <option key={r.id} value={String(r.id)}>{r.label}</option>)}
              </select>
            </label>
          )}
          <button type="button" class="link-button" aria-pressed={statsOpen} aria-controls="p2p-stats" onClick={() => setStatsOpen(!statsOpen)} data-testid="p2p-stats-toggle">
            <Icon name="stats" size={16} /> {t('player.statsToggle')}
          </button>
        </div>
      )}
      {started && statsOpen && <P2PStatsPanel />}
    </div>
  )
}
