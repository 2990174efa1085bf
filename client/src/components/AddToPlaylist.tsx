// "Save" menu of a video: tick the playlists it belongs to (Watch later first), or create one on the spot.
import { useState } from 'preact/hooks'
import type { VideoExistInPlaylist, VideoPlaylist } from '../../../shared/models/client-library.js'
import { addToPlaylist, createPlaylist, listAccountPlaylists, removeFromPlaylist, videosExistInPlaylists } from '../api/playlists.js'
import { sessionStore } from '../lib/session.js'
import { useStore } from '../lib/store.js'
import { ErrorAlert } from './ErrorAlert.js'

export function AddToPlaylist ({ video, compact = false }: { video: { id: number; name: string }; compact?: boolean }) {
  const { user } = useStore(sessionStore)
  const [open, setOpen] = useState(false)
  const [playlists, setPlaylists] = useState<VideoPlaylist[] | null>(null)
  const [present, setPresent] = useState<VideoExistInPlaylist[]>([])
  const [error, setError] = useState<unknown>(null)
  const [newName, setNewName] = useState('')
  if (!user) return null

  const load = async () => {
    try {
      const [ mine, exist ] = await Promise.all([ listAccountPlaylists(user.account.name), videosExistInPlaylists([ video.id ]) ])
      setPlaylists(mine.data.filter(p => p.isLocal).sort((a, b) => b.type.id - a.type.id))
      setPresent(exist[video.id] ?? [])
    } catch (err) {
      setError(err)
    }
  }

  const toggleMenu = () => {
    if (!open) void load()
    setOpen(!open)
  }

  const toggle = async (playlist: VideoPlaylist) => {
    setError(null)
    try {
      const element = present.find(e => e.playlistId === playlist.id)
      if (element) await removeFromPlaylist(playlist.id, element.playlistElementId)
      else await addToPlaylist(playlist.id, video.id)
      setPresent((await videosExistInPlaylists([ video.id ]))[video.id] ?? [])
    } catch (err) {
      setError(err)
    }
  }

  const create = async (event: Event) => {
    event.preventDefault()
    setError(null)
    try {
      const { videoPlaylist } = await createPlaylist({ displayName: newName.trim(), privacy: 3 })
      await addToPlaylist(videoPlaylist.id, video.id)
      setNewName('')
      await load()
    } catch (err) {
      setError(err)
    }
  }

  return (
    <div class="add-to-playlist">
      <button type="button" class={compact ? 'link-button' : ''} onClick={toggleMenu} aria-expanded={open} data-testid="add-to-playlist"
        aria-label={`Save “${video.name}” to a playlist`}>{compact ? '＋ Save' : 'Save to playlist'}</button>
      {open && (
        <div class="playlist-menu" role="dialog" aria-label="Save to playlist" data-testid="playlist-menu">
          <ErrorAlert error={error} testId="playlist-menu-error" />
          {playlists === null ? <p class="muted">Loading…</p> : (
            <ul>
              {playlists.map(p => (
                <li key={p.id}>
                  <label>
                    <input type="checkbox" checked={present.some(e => e.playlistId === p.id)} onChange={() => toggle(p)}
                      data-testid="playlist-menu-item" data-playlist-id={p.id} data-playlist-type={p.type.id} />
                    {' '}{p.displayName}
                  </label>
                </li>
              ))}
            </ul>
          )}
          <form onSubmit={create} class="inline-form">
            <input aria-label="New playlist name" placeholder="New private playlist" value={newName} maxLength={120}
              onInput={e => setNewName((e.currentTarget as HTMLInputElement).value)} data-testid="playlist-menu-new-name" />
            <button type="submit" disabled={!newName.trim()} data-testid="playlist-menu-create">Create</button>
          </form>
        </div>
      )}
    </div>
  )
}
