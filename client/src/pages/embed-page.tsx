// /videos/embed/:id — only the player, for <iframe> embedding. ?stats=1 shows the P2P panel. With ?api=1 (as
// PeerTube's), the player answers PeerTube's embed API (@peertube/embed-api) from the page that frames it.
import { getVideo } from '../api/videos.js'
import { ErrorAlert } from '../components/ErrorAlert.js'
import { usePlayerSettingsReady } from '../lib/session.js'
import { useAsync } from '../lib/use-async.js'
import { VideoPlayer } from '../player/VideoPlayer.js'
import { useLocation } from '../router.js'

export default function EmbedPage ({ id }: { id: string }) {
  const { query } = useLocation()
  const video = useAsync(() => getVideo(id), [id])
  const playerReady = usePlayerSettingsReady()
  if (video.error) return <ErrorAlert error={video.error} testId="watch-error" />
  if (!video.data || !playerReady) return null
  return (
    <main class="embed" data-testid="embed-page">
      <VideoPlayer
        details={video.data}
        embed
        autoplay={query.get('autoplay') === '1'}
        forcedEngine={query.get('mode')}
        showStats={query.get('stats') === '1'}
        embedApi={query.get('api') === '1'}
      />
      <a class="embed-title" href={`/videos/watch/${video.data.uuid}`} target="_blank" rel="noopener">{video.data.name}</a>
    </main>
  )
}
