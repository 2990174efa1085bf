// /my-library/video-playlists/:id and /my-library/watch-later: a playlist's elements, to reorder, trim and remove.
import { useState } from 'preact/hooks'
import type { VideoPlaylistElement } from '../../../../shared/models/client-library.js'
import { deletePlaylist, getPlaylist, listPlaylistElements, removeFromPlaylist, reorderPlaylist, updatePlaylistElement } from '../../api/playlists.js'
import { FormMessage } from '../../components/ErrorAlert.js'
import { playlistName, playlistWatchPath } from '../../components/PlaylistCard.js'
import { UnavailablePage } from '../../components/UnavailablePage.js'
import { humanizeProblem } from '../../errors/problem-sentences.js'
import { t, tn, type MessageKey } from '../../i18n/i18n.js'
import { constantLabel } from '../../lib/constants.js'
import { formatDuration } from '../../lib/format.js'
import { sessionStore } from '../../lib/session.js'
import { useStore } from '../../lib/store.js'
import { useAsync } from '../../lib/use-async.js'
import { navigate } from '../../router.js'

/** An element without its video (`type` 1 deleted, 2 private, 3 unavailable). */
export const MISSING_ELEMENT: Record<number, MessageKey> = {
  1: 'playlists.element.deleted',
  2: 'playlists.element.private',
  3: 'playlists.element.unavailable'
}

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
      {element.video ? <a href={`/videos/watch/${element.video.uuid}`}>{element.video.name}</a> : <em>{t(MISSING_ELEMENT[element.type] ?? 'playlists.element.unavailable')}</em>}
      {element.video && <span class="muted"> ({formatDuration(element.video.duration)})</span>}
      <span class="actions">
        <button type="button" class="link-button" disabled={element.position === 1} data-testid="element-up" aria-label={t('playlists.element.up')}
          onClick={() => act(() => reorderPlaylist(playlistId, element.position, element.position - 2))}>↑</button>
        <button type="button" class="link-button" disabled={last} data-testid="element-down" aria-label={t('playlists.element.down')}
          onClick={() => act(() => reorderPlaylist(playlistId, element.position, element.position + 1))}>↓</button>
        <label>{t('playlists.element.from')} <input class="short" inputMode="numeric" value={start} aria-label={t('playlists.element.startLabel')} data-testid="element-start"
          onInput={e => setStart((e.currentTarget as HTMLInputElement).value)} /></label>
        <label>{t('playlists.element.to')} <input class="short" inputMode="numeric" value={stop} aria-label={t('playlists.element.stopLabel')} data-testid="element-stop"
          onInput={e => setStop((e.currentTarget as HTMLInputElement).value)} /></label>
        <button type="button" class="link-button" data-testid="element-save"
          onClick={() => act(() => updatePlaylistElement(playlistId, element.id, { startTimestamp: toNumber(start), stopTimestamp: toNumber(stop) }))}>{t('common.save')}</button>
        <button type="button" class="link-button" data-testid="element-remove" onClick={() => act(() => removeFromPlaylist(playlistId, element.id))}>{t('playlists.element.remove')}</button>
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
  const { user } = useStore(sessionStore)
  const data = useAsync(() => loadById(id), [id])
  const [error, setError] = useState<unknown>(null)
  if (data.error) return <UnavailablePage what="playlist" error={data.error} />
  if (!data.data) return <p class="muted" aria-busy="true">{t('common.loading')}</p>
  const { playlist, elements } = data.data
  // Someone else's playlist opens in the player, never in this editor.
  if (!user || !playlist.isLocal || playlist.ownerAccount.name !== user.account.name) return <UnavailablePage kind="forbidden" what="playlist" />

  const onDelete = async () => {
    if (!confirm(t('playlists.deleteConfirm', { name: playlist.displayName }))) return
    try {
      await deletePlaylist(playlist.id)
      navigate('/my-library/video-playlists')
    } catch (err) {
      setError(err)
    }
  }

  const problem = humanizeProblem(error)
  return (
    <section data-testid="playlist-edit-page" data-uuid={playlist.uuid}>
      <h1 data-testid="playlist-title">{playlistName(playlist)}</h1>
      <p class="muted">
        {constantLabel('privacy', playlist.privacy)} · {tn('playlists.videos', elements.length)}
        {playlist.videoChannel ? ` · ${t('playlists.onChannel', { name: playlist.videoChannel.displayName })}` : ''}
      </p>
      <p class="actions">
        {elements.length > 0 && <a class="button primary" href={playlistWatchPath(playlist)} data-testid="playlist-play">▶ {t('playlists.playAll')}</a>}
        {playlist.type.id !== 2 && <button type="button" class="danger" onClick={onDelete} data-testid="playlist-delete">{t('playlists.delete')}</button>}
      </p>
      <FormMessage message={problem.message} testId="playlist-edit-error" />
      {elements.length === 0 && <p class="muted" data-testid="empty-list">{t('playlists.emptyPlaylist')}</p>}
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
