// /w/p/:id and /videos/watch/playlist/:id — the playlist player: plays each element (from its start to its stop)
// and goes on to the next one; the list beside it jumps anywhere (?playlistPosition=N, as PeerTube's URLs).
// As on the watch page, nothing loads before the viewer presses play; the elements after it then start by themselves.
import { useState } from 'preact/hooks'
import type { VideoDetails } from '../../../../shared/models/client-video.js'
import { getPlaylist, listPlaylistElements } from '../../api/playlists.js'
import { getVideo } from '../../api/videos.js'
import { AddToPlaylist } from '../../components/AddToPlaylist.js'
import { playlistName } from '../../components/PlaylistCard.js'
import { UnavailablePage } from '../../components/UnavailablePage.js'
import { t } from '../../i18n/i18n.js'
import { formatDuration } from '../../lib/format.js'
import { sessionStore, usePlayerSettingsReady } from '../../lib/session.js'
import { useStore } from '../../lib/store.js'
import { useAsync } from '../../lib/use-async.js'
import { VideoPlayer } from '../../player/VideoPlayer.js'
import { setQuery, useLocation } from '../../router.js'
import { MISSING_ELEMENT } from './playlist-edit-page.js'

async function loadPlaylist (id: string) {
  const [ playlist, elements ] = await Promise.all([ getPlaylist(id), listPlaylistElements(id) ])
  return { playlist, elements: elements.data }
}

export default function PlaylistWatchPage ({ id }: { id: string }) {
  const { query } = useLocation()
  const { user } = useStore(sessionStore)
  const data = useAsync(() => loadPlaylist(id), [id])
  const playerReady = usePlayerSettingsReady()
  const [continuing, setContinuing] = useState(false)
  const playable = (data.data?.elements ?? []).filter(e => e.video)
  const wanted = Number(query.get('playlistPosition') ?? '1')
  const current = playable.find(e => e.position === wanted) ?? playable[0]
  const details = useAsync<VideoDetails | null>(() => (current?.video ? getVideo(current.video.uuid) : Promise.resolve(null)), [current?.video?.uuid, current?.id])

  if (data.error) return <UnavailablePage what="playlist" error={data.error} />
  if (!data.data) return <p class="muted" aria-busy="true">{t('common.loading')}</p>
  const { playlist, elements } = data.data
  if (!current) {
    return (
      <section data-testid="playlist-watch-page">
        <h1>{playlistName(playlist)}</h1>
        <p class="muted" data-testid="empty-list">{t('playlists.nothingToPlay')}</p>
      </section>
    )
  }

  const next = playable.find(e => e.position > current.position)
  // While the next element's details load, the previous ones must not play under its key.
  const shown = details.data && details.data.uuid === current.video?.uuid ? details.data : null
  const goTo = (position: number) => setQuery({ playlistPosition: position })

  return (
    <section class="watch playlist-watch" data-testid="playlist-watch-page" data-position={current.position}>
      <div>
        {playerReady && shown
          ? <VideoPlayer key={current.id} details={shown} autoplay={continuing || (user?.autoPlayVideo ?? false)}
            startTime={current.startTimestamp ?? undefined} stopTime={current.stopTimestamp}
            onEnded={() => { if (next) { setContinuing(true); goTo(next.position) } }} />
          : <div class="player player-placeholder" aria-busy="true" />}
        {details.error ? <UnavailablePage what="video" error={details.error} /> : null}
        {shown && (
          <header class="watch-header">
            <h1 data-testid="video-title">{shown.name}</h1>
            <AddToPlaylist video={shown} />
          </header>
        )}
      </div>
      <aside aria-label={t('playlists.queue')} class="playlist-sidebar">
        <h2 data-testid="playlist-title">{playlistName(playlist)}</h2>
        <p class="muted">{playlist.ownerAccount.displayName} · {current.position} / {elements.length}</p>
        <ol class="plain-list" data-testid="playlist-queue">
          {elements.map(element => (
            <li key={element.id} aria-current={element.id === current.id ? 'true' : undefined} data-testid="playlist-queue-item" data-position={element.position}>
              {element.video
                ? <a href={`?playlistPosition=${element.position}`} onClick={e => { e.preventDefault(); goTo(element.position) }}>
                  {element.position}. {element.video.name} <span class="muted">{formatDuration(element.video.duration)}</span>
                </a>
                : <span class="muted">{element.position}. {t(MISSING_ELEMENT[element.type] ?? 'playlists.element.unavailable')}</span>}
            </li>
          ))}
        </ol>
      </aside>
    </section>
  )
}
