// /videos/embed/:id — only the player, for <iframe> embedding. ?stats=1 shows the P2P panel. With ?api=1 (as
// PeerTube's), the player answers PeerTube's embed API (@peertube/embed-api) from the page that frames it.
// A live's embed follows its states: waiting for the stream, playing, ended, and its replay (prepared, then played).
import { getVideo } from '../api/videos.js'
import { ErrorAlert } from '../components/ErrorAlert.js'
import { t } from '../i18n/i18n.js'
import { usePlayerSettingsReady } from '../lib/session.js'
import { useAsync } from '../lib/use-async.js'
import { VideoPlayer } from '../player/VideoPlayer.js'
import { useLocation } from '../router.js'
import { useLiveFollow } from './live/watch-live.js'

export default function EmbedPage ({ id }: { id: string }) {
  const { query } = useLocation()
  const video = useAsync(() => getVideo(id), [id])
  const playerReady = usePlayerSettingsReady()
  // A live that saves its replay becomes that replay (a video being transcoded, then published): the embed
  // that showed the live says so and plays the replay once it is ready.
  const { phase, wasLive, replayPending } = useLiveFollow(video.data, video.reload)

  if (video.error) return <ErrorAlert error={video.error} testId="watch-error" />
  if (!video.data || !playerReady) return null
  const state = phase === 'waiting' ? 'waiting' : replayPending ? 'replay-pending' : phase === 'ended' ? 'ended' : null
  return (
    <main class="embed" data-testid="embed-page" data-live-phase={replayPending ? 'replay-pending' : phase ?? (wasLive ? 'replay' : undefined)}>
      {state
        ? <div class="player embed-live-state" data-testid={`embed-live-${state}`}><p>{t(`live.embed.${state}`)}</p></div>
        : <VideoPlayer
          details={video.data}
          embed
          autoplay={phase === 'live' || wasLive || query.get('autoplay') === '1'}
          forcedEngine={query.get('mode')}
          showStats={query.get('stats') === '1'}
          embedApi={query.get('api') === '1'}
        />}
      <a class="embed-title" href={`/videos/watch/${video.data.uuid}`} target="_blank" rel="noopener">{video.data.name}</a>
    </main>
  )
}
