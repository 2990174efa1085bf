// One video in a grid: thumbnail (blurred when sensitive and the policy says so), title, channel, views.
import type { Video } from '../../../shared/models/client-video.js'
import { t, tn } from '../i18n/i18n.js'
import { constantLabel } from '../lib/constants.js'
import { formatDate, formatDuration } from '../lib/format.js'
import { effectiveNSFWPolicy } from '../lib/session.js'
import { AddToPlaylist } from './AddToPlaylist.js'

export function watchPath (video: Pick<Video, 'uuid'>): string {
  return `/videos/watch/${video.uuid}`
}

/** `name` for actors of this instance, `name@host` for remote ones (both work in API paths). */
export function actorHandle (actor: { name: string; host: string }): string {
  return actor.host === window.location.host ? actor.name : `${actor.name}@${actor.host}`
}

export function channelPath (channel: { name: string; host: string }): string {
  return `/c/${actorHandle(channel)}`
}

export function accountPath (account: { name: string; host: string }): string {
  return `/a/${actorHandle(account)}`
}

export function VideoCard ({ video, showState = false }: { video: Video; showState?: boolean }) {
  const blurred = video.nsfw && effectiveNSFWPolicy() === 'blur'
  return (
    <article class="video-card" data-testid="video-card" data-uuid={video.uuid}>
      <a href={watchPath(video)} class="thumbnail-link" tabIndex={-1} aria-hidden="true">
        <div class={blurred ? 'thumbnail nsfw-blur' : 'thumbnail'} data-testid={blurred ? 'nsfw-blurred' : undefined}>
          {video.thumbnailPath
            ? <img src={video.thumbnailPath} alt="" loading="lazy" onError={e => { (e.currentTarget as HTMLImageElement).style.visibility = 'hidden' }} />
            : <div class="thumbnail-placeholder" />}
          {blurred && <span class="nsfw-label">{t('video.sensitive')}</span>}
          {video.isLive
            ? <span class="duration live-badge" data-testid="video-card-live">{t('video.live')}</span>
            : <span class="duration">{formatDuration(video.duration)}</span>}
        </div>
      </a>
      <div class="video-card-body">
        <h3 class="video-title"><a href={watchPath(video)} data-testid="video-card-link">{video.name}</a></h3>
        <p class="muted small">
          <a href={channelPath(video.channel)}>{video.channel.displayName}</a>
          {' · '}{tn('video.views', video.views)}{' · '}{formatDate(video.publishedAt)}
        </p>
        {showState && video.state && video.state.id !== 1 && <p class="badge" data-testid="video-state">{constantLabel('state', video.state)}</p>}
        {showState && <p class="muted small">{constantLabel('privacy', video.privacy)}</p>}
        <AddToPlaylist video={video} compact />
      </div>
    </article>
  )
}

/** Drops videos the viewer chose not to see at all (the server usually filters them already). */
export function visibleVideos (videos: Video[]): Video[] {
  return effectiveNSFWPolicy() === 'do_not_list' ? videos.filter(v => !v.nsfw) : videos
}

export function VideoGrid ({ videos, empty, showState = false }: { videos: Video[]; empty?: string; showState?: boolean }) {
  const shown = visibleVideos(videos)
  if (shown.length === 0) return <p class="muted" data-testid="empty-list">{empty ?? t('video.emptyList')}</p>
  return (
    <div class="video-grid" data-testid="video-grid">
      {shown.map(video => <VideoCard key={video.uuid} video={video} showState={showState} />)}
    </div>
  )
}
