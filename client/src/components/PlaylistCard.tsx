// A playlist in a grid: miniature, name, length, channel.
import type { VideoPlaylist } from '../../../shared/models/client-library.js'
import { t, tn } from '../i18n/i18n.js'
import { constantLabel } from '../lib/constants.js'

export function playlistWatchPath (playlist: Pick<VideoPlaylist, 'shortUUID'>) {
  return `/w/p/${playlist.shortUUID}`
}

/** "Watch later" is the server's name for everyone's special playlist: shown in the interface language. */
export function playlistName (playlist: Pick<VideoPlaylist, 'displayName' | 'type'>): string {
  return playlist.type.id === 2 ? t('menu.watchLater') : playlist.displayName
}

export function PlaylistCard ({ playlist, manage = false }: { playlist: VideoPlaylist; manage?: boolean }) {
  const href = manage ? `/my-library/video-playlists/${playlist.uuid}` : playlistWatchPath(playlist)
  return (
    <article class="video-card" data-testid="playlist-card" data-uuid={playlist.uuid} data-type={playlist.type.id}>
      <a href={href} class="thumbnail-link" tabIndex={-1} aria-hidden="true">
        <div class="thumbnail">
          {playlist.thumbnailPath ? <img src={playlist.thumbnailPath} alt="" loading="lazy" /> : <div class="thumbnail-placeholder" />}
          <span class="duration">{tn('playlists.videos', playlist.videosLength)}</span>
        </div>
      </a>
      <div class="video-card-body">
        <h3 class="video-title"><a href={href} data-testid="playlist-card-link">{playlistName(playlist)}</a></h3>
        <p class="muted small">{constantLabel('privacy', playlist.privacy)}{playlist.videoChannel ? ` · ${playlist.videoChannel.displayName}` : ''}</p>
      </div>
    </article>
  )
}

export function PlaylistGrid ({ playlists, manage = false, empty }: { playlists: VideoPlaylist[]; manage?: boolean; empty?: string }) {
  if (playlists.length === 0) return <p class="muted" data-testid="empty-playlists">{empty ?? t('playlists.empty')}</p>
  return <div class="video-grid" data-testid="playlist-grid">{playlists.map(p => <PlaylistCard key={p.uuid} playlist={p} manage={manage} />)}</div>
}
