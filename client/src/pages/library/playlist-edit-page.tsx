// /my-library/video-playlists/:id and /my-library/watch-later: a playlist's elements, to reorder, trim and remove.
import { useState } from 'preact/hooks'
import type { VideoPlaylistElement } from '../../../../shared/models/client-library.js'
import { deletePlaylist, getPlaylist, listPlaylistElements, removeFromPlaylist, reorderPlaylist, updatePlaylistElement } from '../../api/playlists.js'
import { ErrorAlert } from '../../components/ErrorAlert.js'
import { playlistWatchPath } from '../../components/PlaylistCard.js'
import { formatDuration } from '../../lib/format.js'
import { useAsync } from '../../lib/use-async.js'
import { navigate } from '../../router.js'
import { LibraryNav } from './library-nav.js'

function ElementRow ({ element, playlistId, last, onChange, onError }: {
  element: VideoPlaylistElement
  playlistId: number
  last: boolean
  onChange: () => void
  onError: (err: unknown) => void
}) {
  const [start, setStart] = useState(element.startTimestamp === null ? '' : String(element.startTimestamp))
  const [stop, setStop] = useState(element.stopTimestamp === null ? '' : String(element.stopTimestamp))
  const act = async (action: () => Promise<unknown>) => {
    try {
      await action()
      onChange()
    } catch (err) {
      onError(err)
    }
  }
  const toNumber = (value: string) => (value.trim() === '' ? null : Number(value))
  return (
    <li data-testid="playlist-element" data-element-id={element.id} data-position={element.position}>
      <strong>{element.position}.</strong>{' '}
      {element.video ? <a href={`/videos/watch/${element.video.uuid}`}>{element.video.name}</a> : <em>{[ 'Video', 'Deleted video', 'Private video', 'Unavailable video' ][element.type]}</em>}
      {element.video && <span class="muted"> ({formatDuration(element.video.duration)})</span>}
      <span class="actions">
        <button type="button" class="link-button" disabled={element.position === 1} data-testid="element-up"
          onClick={() => act(() => reorderPlaylist(playlistId, element.position, element.position - 2))}>↑</button>
        <button type="button" class="link-button" disabled={last} data-testid="element-down"
          onClick={() => act(() => reorderPlaylist(playlistId, element.position, element.position + 1))}>↓</button>
        <label>from <input class="short" inputMode="numeric" value={start} aria-label="Start at (seconds)" data-testid="element-start"
          onInput={e => setStart((e.currentTarget as HTMLInputElement).value)} /></label>
        <label>to <input class="short" inputMode="numeric" value={stop} aria-label="Stop at (seconds)" data-testid="element-stop"
          onInput={e => setStop((e.currentTarget as HTMLInputElement).value)} /></label>
        <button type="button" class="link-button" data-testid="element-save"
          onClick={() => act(() => updatePlaylistElement(playlistId, element.id, { startTimestamp: toNumber(start), stopTimestamp: toNumber(stop) }))}>Save</button>
        <button type="button" class="link-button" data-testid="element-remove" onClick={() => act(() => removeFromPlaylist(playlistId, element.id))}>Remove</button>
      </span>
    </li>
  )
}

async function loadById (id: string) {
  const playlist = await getPlaylist(id)
  const elements = await listPlaylistElements(playlist.id)
  return { playlist, elements: elements.data }
}

export function PlaylistEditPage ({ id }: { id: string }) {
  const data = useAsync(() => loadById(id), [id])
  const [error, setError] = useState<unknown>(null)
  if (data.error) return <ErrorAlert error={data.error} />
  if (!data.data) return <p class="muted" aria-busy="true">Loading…</p>
  const { playlist, elements } = data.data

  const onDelete = async () => {
    if (!confirm(`Delete the playlist “${playlist.displayName}”?`)) return
    try {
      await deletePlaylist(playlist.id)
      navigate('/my-library/video-playlists')
    } catch (err) {
      setError(err)
    }
  }

  return (
    <section data-testid="playlist-edit-page" data-uuid={playlist.uuid}>
      <h1 data-testid="playlist-title">{playlist.displayName}</h1>
      <LibraryNav />
      <p class="muted">{playlist.privacy.label} · {elements.length} video(s){playlist.videoChannel ? ` · on ${playlist.videoChannel.displayName}` : ''}</p>
      <p class="actions">
        {elements.length > 0 && <a class="button primary" href={playlistWatchPath(playlist)} data-testid="playlist-play">▶ Play all</a>}
        {playlist.type.id !== 2 && <button type="button" class="danger" onClick={onDelete} data-testid="playlist-delete">Delete playlist</button>}
      </p>
      <ErrorAlert error={error} testId="playlist-edit-error" />
      {elements.length === 0 && <p class="muted" data-testid="empty-list">This playlist is empty: add videos with “Save” on a video.</p>}
      <ol class="plain-list" data-testid="playlist-elements">
        {elements.map((element, index) => (
          <ElementRow key={`${element.id}-${element.position}`} element={element} playlistId={playlist.id} last={index === elements.length - 1}
            onChange={() => { setError(null); data.reload() }} onError={setError} />
        ))}
      </ol>
    </section>
  )
}

export default PlaylistEditPage
