// A playlist in a grid: miniature, name, length, channel.
import type { VideoPlaylist } from '../../../shared/models/client-library.js'
import { formatCount } from '../lib/format.js'

export function playlistWatchPath (playlist: Pick<VideoPlaylist, 'shortUUID'>) {
  return `/w/p/${playlist.shortUUID}`
}

export function PlaylistCard ({ playlist, manage = false }: { playlist: VideoPlaylist; manage?: boolean }) {
  const href = manage ? `/my-library/video-playlists/${playlist.uuid}` : playlistWatchPath(playlist)
  return (
    <article class="video-card" data-testid="playlist-card" data-uuid={playlist.uuid} data-type={playlist.type.id}>
      <a href={href} class="thumbnail-link" tabIndex={-1} aria-hidden="true">
        <div class="thumbnail">
          {playlist.thumbnailPath ? <img src={playlist.thumbnailPath} alt="" loading="lazy" /> : <div class="thumbnail-placeholder" />}
          <span class="duration">{formatCount(playlist.videosLength, 'video')}</span>
        </div>
      </a>
      <div class="video-card-body">
        <h3 class="video-title"><a href={href} data-testid="playlist-card-link">{playlist.displayName}</a></h3>
        <p class="muted small">{playlist.privacy.label}{playlist.videoChannel ? ` · ${playlist.videoChannel.displayName}` : ''}</p>
      </div>
    </article>
  )
}

export function PlaylistGrid ({ playlists, manage = false, empty = 'No playlists yet.' }: { playlists: VideoPlaylist[]; manage?: boolean; empty?: string }) {
  if (playlists.length === 0) return <p class="muted" data-testid="empty-playlists">{empty}</p>
  return <div class="video-grid" data-testid="playlist-grid">{playlists.map(p => <PlaylistCard key={p.uuid} playlist={p} manage={manage} />)}</div>
}
