// /videos/watch/:id and /w/:id — player, metadata, description, support, downloads and sharing.
import type { VideoDetails } from '../../../shared/models/client-video.js'
import { VideoStateId } from '../../../shared/models/client-video.js'
import { deleteVideo, getVideo, getVideoDescription } from '../api/videos.js'
import { Avatar } from '../components/Avatar.js'
import { ErrorAlert } from '../components/ErrorAlert.js'
import { Markdown } from '../components/Markdown.js'
import { SupportButton } from '../components/SupportButton.js'
import { UnavailablePage } from '../components/UnavailablePage.js'
import { accountPath, actorHandle, channelPath } from '../components/VideoCard.js'
import { t, tn } from '../i18n/i18n.js'
import { constantLabel, languageLabel } from '../lib/constants.js'
import { formatDate } from '../lib/format.js'
import { isModeratorOrAdmin, sessionStore, usePlayerSettingsReady } from '../lib/session.js'
import { useStore } from '../lib/store.js'
import { useAsync } from '../lib/use-async.js'
import { VideoPlayer } from '../player/VideoPlayer.js'
import { navigate, useLocation } from '../router.js'
import { useState } from 'preact/hooks'
import { DownloadButton } from './watch-downloads.js'
import { ShareBox } from './watch-share.js'
import { VideoRating } from './watch-rating.js'
import { ReportVideoButton, WatchModeration } from './watch-moderation.js'
import { AddToPlaylist } from '../components/AddToPlaylist.js'
import { SubscribeButton } from '../components/SubscribeButton.js'
import { lazyPage } from '../lazy.js'
import { resumeTime } from '../player/watch-reporter.js'
import { LiveBanner, LiveOwnerSettings, useLiveFollow } from './live/watch-live.js'

// Below the player and the description: loaded after the page's first paint.
const VideoComments = lazyPage<{ details: VideoDetails }>(() => import('./watch-comments.js').then(m => ({ default: m.VideoComments })))

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
  const [deleteError, setDeleteError] = useState<unknown>(null)
  // A live is re-read while it waits and runs and, when it saves its replay, until the replay plays.
  const { phase, wasLive, replayPending } = useLiveFollow(video.data?.details, video.reload)

  if (video.error) return <UnavailablePage what="video" error={video.error} />
  if (!video.data) return <p class="muted" aria-busy="true">{t('common.loading')}</p>
  const { details, description } = video.data
  // Only the origin edits a video; moderators may still remove a remote one from this instance.
  const canEdit = !!user && details.isLocal !== false && (details.account.userId === user.id || isModeratorOrAdmin(user))
  const canDelete = !!user && (details.account.userId === user.id || isModeratorOrAdmin(user))
  const published = details.state?.id === VideoStateId.PUBLISHED

  const onDelete = async () => {
    if (!confirm(t('video.deleteConfirm', { name: details.name }))) return
    try {
      await deleteVideo(details.uuid)
      navigate('/my-library/videos')
    } catch (err) {
      setDeleteError(err)
    }
  }

  return (
    <article class="watch" data-testid="watch-page" data-uuid={details.uuid}>
      {details.blacklisted && (
        <p class="notice" data-testid="video-blocked">
          {t('watch.blockedNotice')}{details.blacklistedReason ? <> {t('watch.blockedReason', { reason: details.blacklistedReason })}</> : null}
        </p>
      )}
      {replayPending
        ? <p class="notice live-notice" data-testid="live-replay-pending">{t('live.watch.replay-pending')}</p>
        : phase && <LiveBanner details={details} />}
      {!phase && !published && !replayPending && details.state && <p class="notice" data-testid="video-state">{t('watch.notPublished', { state: constantLabel('state', details.state) })}</p>}
      {phase === 'waiting' || phase === 'ended' || replayPending
        ? null
        : playerReady
          ? <VideoPlayer details={details} forcedEngine={query.get('mode')} autoplay={phase === 'live' || wasLive || (user?.autoPlayVideo ?? false)}
            startTime={phase ? undefined : resumeTime(details, query.get('start'))} />
          : <div class="player player-placeholder" aria-busy="true" />}
      <header class="watch-header">
        <h1 data-testid="video-title">{details.name}</h1>
        <p class="muted">
          <span data-testid="video-views">{tn('video.views', details.views)}</span>
          {' · '}<time dateTime={details.publishedAt}>{formatDate(details.publishedAt)}</time>
          {' · '}{constantLabel('privacy', details.privacy)}
          {details.nsfw && <span class="badge">{t('video.sensitive')}</span>}
        </p>
      </header>
      <VideoRating details={details} />
      <div class="watch-channel">
        <Avatar images={details.channel.avatars} name={details.channel.displayName} size={40} />
        <div>
          <a href={channelPath(details.channel)} data-testid="video-channel"><strong>{details.channel.displayName}</strong></a>
          <div class="muted small">{t('channel.by')} <a href={accountPath(details.account)}>{details.account.displayName}</a></div>
        </div>
        <SubscribeButton handle={actorHandle(details.channel)} />
        <p class="actions watch-actions">
          {details.support && <SupportButton text={details.support} name={details.channel.displayName} />}
          <ShareBox details={details} />
          {details.downloadEnabled && <DownloadButton details={details} />}
          <AddToPlaylist video={details} />
          <ReportVideoButton details={details} />
          {canEdit && <a class="button" href={`/videos/update/${details.uuid}`} data-testid="edit-video">{t('common.edit')}</a>}
          {canDelete && <button type="button" class="danger" onClick={onDelete} data-testid="delete-video">{t('common.delete')}</button>}
        </p>
      </div>
      {canEdit && details.isLive && <LiveOwnerSettings details={details} />}
      <ErrorAlert error={deleteError} />
      <WatchModeration details={details} onChange={video.reload} />
      {details.tags?.length > 0 && (
        <ul class="tags" aria-label={t('video.tags')} data-testid="video-tags">
          {details.tags.map(tag => <li key={tag}><a href={`/videos/recently-added?tag=${encodeURIComponent(tag)}`}>#{tag}</a></li>)}
        </ul>
      )}
      {/* Rendered by markdown-it without raw HTML, then sanitized by DOMPurify. */}
      <Markdown source={description} testId="video-description" />
      <dl class="video-meta">
        {details.category?.id !== null && <><dt>{t('video.category')}</dt><dd><a href={`/videos/recently-added?category=${details.category.id}`}>{constantLabel('category', details.category)}</a></dd></>}
        {details.licence?.id !== null && <><dt>{t('video.licence')}</dt><dd>{constantLabel('licence', details.licence)}</dd></>}
        {details.language?.id !== null && <><dt>{t('video.language')}</dt><dd>{languageLabel(details.language)}</dd></>}
        {details.originallyPublishedAt && <><dt>{t('video.originallyPublished')}</dt><dd>{formatDate(details.originallyPublishedAt)}</dd></>}
      </dl>
      <VideoComments details={details} />
    </article>
  )
}
