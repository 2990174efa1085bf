// /videos/watch/:id and /w/:id — player, metadata, description, downloads and sharing.
import type { VideoDetails } from '../../../shared/models/client-video.js'
import { VideoStateId } from '../../../shared/models/client-video.js'
import { deleteVideo, getVideo, getVideoDescription } from '../api/videos.js'
import { ErrorAlert } from '../components/ErrorAlert.js'
import { Markdown } from '../components/Markdown.js'
import { accountPath, channelPath } from '../components/VideoCard.js'
import { formatCount, formatDate } from '../lib/format.js'
import { isModeratorOrAdmin, sessionStore, usePlayerSettingsReady } from '../lib/session.js'
import { useStore } from '../lib/store.js'
import { useAsync } from '../lib/use-async.js'
import { VideoPlayer } from '../player/VideoPlayer.js'
import { navigate, useLocation } from '../router.js'
import { ShareBox } from './watch-share.js'
import { DownloadList } from './watch-downloads.js'
import { VideoComments } from './watch-comments.js'
import { VideoRating } from './watch-rating.js'
import { WatchModeration } from './watch-moderation.js'
import { AddToPlaylist } from '../components/AddToPlaylist.js'
import { SubscribeButton } from '../components/SubscribeButton.js'
import { actorHandle } from '../components/VideoCard.js'
import { resumeTime } from '../player/watch-reporter.js'
import { LiveBanner, LiveOwnerSettings, livePhase, useLiveRefresh } from './live/watch-live.js'

async function loadVideo (id: string): Promise<{ details: VideoDetails; description: string | null }> {
  const details = await getVideo(id)
  let description = details.description
  // Older replies carry only the truncated text; the full one has its own endpoint.
  if (!description && details.truncatedDescription) description = await getVideoDescription(details.uuid).catch(() => details.truncatedDescription)
  return { details, description }
}

export default function WatchPage ({ id }: { id: string }) {
  const { query } = useLocation()
  const { user } = useStore(sessionStore)
  const video = useAsync(() => loadVideo(id), [id])
  const playerReady = usePlayerSettingsReady()
  useLiveRefresh(video.data?.details, video.reload)

  if (video.error) return <ErrorAlert error={video.error} testId="watch-error" />
  if (!video.data) return <p class="muted" aria-busy="true">Loading…</p>
  const { details, description } = video.data
  // Only the origin edits a video; moderators may still remove a remote one from this instance.
  const canEdit = !!user && details.isLocal !== false && (details.account.userId === user.id || isModeratorOrAdmin(user))
  const canDelete = !!user && (details.account.userId === user.id || isModeratorOrAdmin(user))
  const published = details.state?.id === VideoStateId.PUBLISHED
  const phase = livePhase(details)

  const onDelete = async () => {
    if (!confirm(`Delete “${details.name}”? This cannot be undone.`)) return
    await deleteVideo(details.uuid)
    navigate('/my-library/videos')
  }

  return (
    <article class="watch" data-testid="watch-page" data-uuid={details.uuid}>
      {phase && <LiveBanner details={details} />}
      {!phase && !published && details.state && <p class="notice" data-testid="video-state">{details.state.label}: the video may not play until processing ends.</p>}
      {phase === 'waiting' || phase === 'ended'
        ? null
        : playerReady
          ? <VideoPlayer details={details} forcedEngine={query.get('mode')} autoplay={phase === 'live' || (user?.autoPlayVideo ?? false)}
              startTime={phase ? undefined : resumeTime(details as typeof details & { userHistory?: { currentTime: number } }, query.get('start'))} />
          : <div class="player player-placeholder" aria-busy="true" />}
      <header class="watch-header">
        <h1 data-testid="video-title">{details.name}</h1>
        <p class="muted">
          <span data-testid="video-views">{formatCount(details.views, 'view')}</span>
          {' · '}<time dateTime={details.publishedAt}>{formatDate(details.publishedAt)}</time>
          {' · '}{details.privacy.label}
          {details.nsfw && <span class="badge">Sensitive</span>}
        </p>
      </header>
      <VideoRating details={details} />
      <p class="watch-channel">
        <a href={channelPath(details.channel)} data-testid="video-channel">{details.channel.displayName}</a>
        <span class="muted"> by <a href={accountPath(details.account)}>{details.account.displayName}</a></span>
        {' '}<SubscribeButton handle={actorHandle(details.channel)} />
        {' '}<AddToPlaylist video={details} />
      </p>
      {(canEdit || canDelete) && (
        <p class="actions">
          {canEdit && <a class="button" href={`/videos/update/${details.uuid}`} data-testid="edit-video">Edit</a>}
          {canDelete && <button type="button" class="danger" onClick={onDelete} data-testid="delete-video">Delete</button>}
        </p>
      )}
      {canEdit && details.isLive && <LiveOwnerSettings details={details} />}
      <WatchModeration details={details} onChange={video.reload} />
      {details.tags?.length > 0 && (
        <ul class="tags" aria-label="Tags" data-testid="video-tags">
          {details.tags.map(tag => <li key={tag}><a href={`/videos/recently-added?tag=${encodeURIComponent(tag)}`}>#{tag}</a></li>)}
        </ul>
      )}
      {/* Rendered by markdown-it without raw HTML, then sanitized by DOMPurify. */}
      <Markdown source={description} testId="video-description" />
      <dl class="video-meta">
        {details.category?.id !== null && <><dt>Category</dt><dd><a href={`/videos/recently-added?category=${details.category.id}`}>{details.category.label}</a></dd></>}
        {details.licence?.id !== null && <><dt>Licence</dt><dd>{details.licence.label}</dd></>}
        {details.language?.id !== null && <><dt>Language</dt><dd>{details.language.label}</dd></>}
      </dl>
      <ShareBox details={details} />
      {details.downloadEnabled && <DownloadList details={details} />}
      <VideoComments details={details} />
    </article>
  )
}
