// The live parts of the watch page: the waiting / live / ended banner with the viewer count, the page kept up
// to date while the live waits, runs and becomes its replay (shared with the embed), and the streaming settings
// for the live's owner.
import { useEffect, useRef } from 'preact/hooks'
import type { VideoDetails } from '../../../../shared/models/client-video.js'
import { VideoStateId } from '../../../../shared/models/client-video.js'
import { getLive, listLiveSessions } from '../../api/lives.js'
import { t, tn } from '../../i18n/i18n.js'
import { useAsync } from '../../lib/use-async.js'
import { LiveSessions } from './live-sessions.js'
import { LiveSettingsForm } from './live-settings-form.js'
import { LiveStreamInfo } from './live-stream-info.js'

/** How often a live's page re-reads the video (state changes, viewer count). */
const LIVE_REFRESH_MS = 4000

export type LivePhase = 'waiting' | 'live' | 'ended'

export function livePhase (details: VideoDetails): LivePhase | null {
  if (!details.isLive) return null
  if (details.state?.id === VideoStateId.WAITING_FOR_LIVE) return 'waiting'
  if (details.state?.id === VideoStateId.LIVE_ENDED) return 'ended'
  return details.streamingPlaylists?.length ? 'live' : 'waiting'
}

/** Re-reads the video while its live waits or runs: the player appears when the stream starts. */
export function useLiveRefresh (details: VideoDetails | undefined, reload: () => void, alsoWhile = false) {
  const phase = details ? livePhase(details) : null
  const refreshing = phase === 'waiting' || phase === 'live' || alsoWhile
  useEffect(() => {
    if (!refreshing) return
    const timer = setInterval(reload, LIVE_REFRESH_MS)
    return () => clearInterval(timer)
  }, [refreshing, details?.uuid])
}

export interface LiveFollow {
  phase: LivePhase | null
  /** This page showed the video as a live (it may be its replay now). */
  wasLive: boolean
  /** The live has ended and its replay is on its way: say so and keep re-reading until it is published. */
  replayPending: boolean
}

/**
 * What a page showing a live (the watch page, the embed) follows: its phase while it waits, runs and ends, then,
 * when it saves its replay, the replay being prepared (the same video, being transcoded) until it can be played.
 * The page is re-read all along. A local replay in conversion is marked so by the server (`replayInPreparation`),
 * also for a visitor who opens it directly; an ended local live has no replay coming (its end made it the replay
 * or made none). A remote live's origin may end it before making its replay (PeerTube does): its settings say
 * whether one is coming.
 */
export function useLiveFollow (details: VideoDetails | undefined, reload: () => void): LiveFollow {
  const isLive = details?.isLive === true
  const wasLive = useRef(false)
  if (isLive) wasLive.current = true
  const uuid = details?.uuid
  const isRemoteLive = isLive && details?.isLocal === false
  const settings = useAsync(() => isRemoteLive && uuid ? getLive(uuid).catch(() => undefined) : Promise.resolve(undefined), [uuid, isRemoteLive])
  const phase = details ? livePhase(details) : null
  const remoteReplayComing = isRemoteLive && phase === 'ended' && settings.data?.saveReplay === true && !settings.data.permanentLive
  const replayPending = details?.replayInPreparation === true || remoteReplayComing ||
    (wasLive.current && !!details && !isLive && details.state?.id !== VideoStateId.PUBLISHED)
  useLiveRefresh(details, reload, replayPending)
  return { phase, wasLive: wasLive.current, replayPending }
}

export function LiveBanner ({ details }: { details: VideoDetails }) {
  const phase = livePhase(details)
  if (phase === 'waiting') return <p class="notice live-notice" data-testid="live-waiting">{t('live.watch.waiting')}</p>
  if (phase === 'ended') return <p class="notice live-notice" data-testid="live-ended">{t('live.watch.ended')}</p>
  if (phase !== 'live') return null
  return (
    <p class="live-status" data-testid="live-status">
      <span class="badge live-badge" data-testid="live-badge">{t('video.live')}</span>
      {' '}<span data-testid="live-viewers">{tn('live.viewers', details.viewers ?? 0)}</span>
    </p>
  )
}

/**
 * On the page of a local live its owner is looking at: the RTMP URL and stream key, the live's settings (editable
 * while it waits) and its sessions (re-read when the live changes state).
 */
export function LiveOwnerSettings ({ details }: { details: VideoDetails }) {
  const live = useAsync(() => getLive(details.uuid), [details.uuid])
  const sessions = useAsync(() => listLiveSessions(details.uuid), [details.uuid, details.state?.id])
  if (!live.data?.streamKey) return null
  return (
    <details class="share" data-testid="live-owner-settings">
      <summary>{t('live.stream.settings')}</summary>
      <LiveStreamInfo live={live.data} />
      {/* Not re-keyed on reload: the form keeps what was just saved (and its "saved" note). */}
      <LiveSettingsForm uuid={details.uuid} live={live.data}
        editable={details.state?.id === VideoStateId.WAITING_FOR_LIVE} defaultPrivacy={details.privacy.id} onSaved={live.reload} />
      {sessions.data && <LiveSessions sessions={sessions.data.data} />}
    </details>
  )
}
