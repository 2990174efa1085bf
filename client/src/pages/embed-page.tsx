// /videos/embed/:id — only the player, for <iframe> embedding. ?stats=1 shows the P2P panel. With ?api=1 (as
// PeerTube's), the player answers PeerTube's embed API (@peertube/embed-api) from the page that frames it.
// A live's embed follows its states: waiting for the stream, playing, ended, and its replay (prepared, then played).
import { useRef } from 'preact/hooks'
import { VideoStateId } from '../../../shared/models/client-video.js'
import { getLive } from '../api/lives.js'
import { ApiError } from '../api/problem.js'
import { getVideo } from '../api/videos.js'
import { ErrorAlert } from '../components/ErrorAlert.js'
import { t } from '../i18n/i18n.js'
import { usePlayerSettingsReady } from '../lib/session.js'
import { useAsync } from '../lib/use-async.js'
import { VideoPlayer } from '../player/VideoPlayer.js'
import { useLocation } from '../router.js'
import { livePhase, useLiveRefresh } from './live/watch-live.js'

export default function EmbedPage ({ id }: { id: string }) {
  const { query } = useLocation()
  const video = useAsync(() => getVideo(id), [id])
  const playerReady = usePlayerSettingsReady()
  // A live that saves its replay becomes that replay (a video being transcoded, then published): the embed
  // that showed the live says so and plays the replay once it is ready.
  const isLive = video.data?.isLive === true
  const wasLive = useRef(false)
  if (isLive) wasLive.current = true
  // Its settings say whether an ended live turns into its replay (a permanent live waits again instead).
  const settings = useAsync(() => isLive ? getLive(id).catch(() => undefined) : Promise.resolve(undefined), [id, isLive])
  const phaseNow = video.data ? livePhase(video.data) : null
  const replayComing = phaseNow === 'ended' && settings.data?.saveReplay === true && !settings.data.permanentLive
  // While the live becomes its replay, the video is not published, so others than its owner are told it is not there.
  const replayHidden = wasLive.current && video.error instanceof ApiError && video.error.status === 404
  const replayPending = replayComing || replayHidden || (wasLive.current && !!video.data && !isLive && video.data.state?.id !== VideoStateId.PUBLISHED)
  useLiveRefresh(video.data, video.reload, replayPending)

  if (video.error && !replayHidden) return <ErrorAlert error={video.error} testId="watch-error" />
  if (!video.data || !playerReady) return null
  const phase = replayHidden ? null : livePhase(video.data)
  const state = phase === 'waiting' ? 'waiting' : replayPending ? 'replay-pending' : phase === 'ended' ? 'ended' : null
  return (
    <main class="embed" data-testid="embed-page" data-live-phase={replayPending ? 'replay-pending' : phase ?? (wasLive.current ? 'replay' : undefined)}>
      {state
        ? <div class="player embed-live-state" data-testid={`embed-live-${state}`}><p>{t(`live.embed.${state}`)}</p></div>
        : <VideoPlayer
          details={video.data}
          embed
          autoplay={phase === 'live' || wasLive.current || query.get('autoplay') === '1'}
          forcedEngine={query.get('mode')}
          showStats={query.get('stats') === '1'}
          embedApi={query.get('api') === '1'}
        />}
      <a class="embed-title" href={`/videos/watch/${video.data.uuid}`} target="_blank" rel="noopener">{video.data.name}</a>
    </main>
  )
}
