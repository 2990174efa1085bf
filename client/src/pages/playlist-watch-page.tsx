// /w/p/:id and /videos/watch/playlist/:id — the playlist player: plays each element (from its start to its stop)
// and goes on to the next one; the list beside it jumps anywhere (?playlistPosition=N, as PeerTube's URLs).
import type { VideoDetails } from '../../../shared/models/client-video.js'
import { getPlaylist, listPlaylistElements } from '../api/playlists.js'
import { getVideo } from '../api/videos.js'
import { AddToPlaylist } from '../components/AddToPlaylist.js'
import { ErrorAlert } from '../components/ErrorAlert.js'
import { formatDuration } from '../lib/format.js'
import { usePlayerSettingsReady } from '../lib/session.js'
import { useAsync } from '../lib/use-async.js'
import { VideoPlayer } from '../player/VideoPlayer.js'
import { setQuery, useLocation } from '../router.js'

async function loadPlaylist (id: string) {
  const [ playlist, elements ] = await Promise.all([ getPlaylist(id), listPlaylistElements(id) ])
  return { playlist, elements: elements.data }
}

export default function PlaylistWatchPage ({ id }: { id: string }) {
  const { query } = useLocation()
  const data = useAsync(() => loadPlaylist(id), [id])
  const playerReady = usePlayerSettingsReady()
  const playable = (data.data?.elements ?? []).filter(e => e.video)
  const wanted = Number(query.get('playlistPosition') ?? '1')
  const current = playable.find(e => e.position === wanted) ?? playable[0]
  const details = useAsync<VideoDetails | null>(() => (current?.video ? getVideo(current.video.uuid) : Promise.resolve(null)), [current?.video?.uuid, current?.id])

  if (data.error) return <ErrorAlert error={data.error} testId="watch-error" />
  if (!data.data) return <p class="muted" aria-busy="true">Loading…</p>
  const { playlist, elements } = data.data
  if (!current) return <section data-testid="playlist-watch-page"><h1>{playlist.displayName}</h1><p class="muted" data-testid="empty-list">This playlist has nothing to play.</p></section>

  const next = playable.find(e => e.position > current.position)
  // While the next element's details load, the previous ones must not play under its key.
  const shown = details.data && details.data.uuid === current.video?.uuid ? details.data : null
  const goTo = (position: number) => setQuery({ playlistPosition: position })

  return (
    <section class="watch playlist-watch" data-testid="playlist-watch-page" data-position={current.position}>
      <div>
        {playerReady && shown
          ? <VideoPlayer key={current.id} details={shown} autoplay startTime={current.startTimestamp ?? undefined} stopTime={current.stopTimestamp}
              onEnded={() => { if (next) goTo(next.position) }} />
          : <div class="player player-placeholder" aria-busy="true" />}
        <ErrorAlert error={details.error} />
        {shown && (
          <header class="watch-header">
            <h1 data-testid="video-title">{shown.name}</h1>
            <AddToPlaylist video={shown} />
          </header>
        )}
      </div>
      <aside aria-label="Playlist" class="playlist-sidebar">
        <h2 data-testid="playlist-title">{playlist.displayName}</h2>
        <p class="muted">{playlist.ownerAccount.displayName} · {current.position} / {elements.length}</p>
        <ol class="plain-list" data-testid="playlist-queue">
          {elements.map(element => (
            <li key={element.id} aria-current={element.id === current.id ? 'true' : undefined} data-testid="playlist-queue-item" data-position={element.position}>
              {element.video
                ? <a href={`?playlistPosition=${element.position}`} onClick={e => { e.preventDefault(); goTo(element.position) }}>
                  {element.position}. {element.video.name} <span class="muted">{formatDuration(element.video.duration)}</span>
                </a>
                : <span class="muted">{element.position}. {[ '', 'Deleted video', 'Private video', 'Unavailable video' ][element.type]}</span>}
            </li>
          ))}
        </ol>
      </aside>
    </section>
  )
}
