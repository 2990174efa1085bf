// /my-library/videos — the signed-in user's videos with state, privacy, edit and delete.
import type { Video } from '../../../shared/models/client-video.js'
import { getMyQuotaUsed } from '../api/users.js'
import { deleteVideo, listMyVideos } from '../api/videos.js'
import { ErrorAlert } from '../components/ErrorAlert.js'
import { Pagination, pageFromQuery } from '../components/Pagination.js'
import { watchPath } from '../components/VideoCard.js'
import { formatBytes, formatCount, formatDate, formatDuration, formatQuota } from '../lib/format.js'
import { sessionStore } from '../lib/session.js'
import { useStore } from '../lib/store.js'
import { useAsync } from '../lib/use-async.js'
import { useLocation } from '../router.js'

const PAGE_SIZE = 20

export function QuotaLine () {
  const { user } = useStore(sessionStore)
  const quota = useAsync(() => getMyQuotaUsed(), [])
  if (!user || !quota.data) return null
  const limit = user.videoQuota
  const percent = limit > 0 ? Math.min(100, Math.round((quota.data.videoQuotaUsed / limit) * 100)) : 0
  return (
    <p class="quota" data-testid="quota">
      Storage: <span data-testid="quota-used" data-bytes={quota.data.videoQuotaUsed}>{formatBytes(quota.data.videoQuotaUsed)}</span> of {formatQuota(limit)}
      {limit > 0 && <progress max={100} value={percent} aria-label="Storage used" />}
    </p>
  )
}

export default function MyVideosPage () {
  const { query } = useLocation()
  const page = pageFromQuery(query)
  const list = useAsync(() => listMyVideos({ start: (page - 1) * PAGE_SIZE, count: PAGE_SIZE, sort: '-publishedAt' }), [page])

  const remove = async (video: Video) => {
    if (!confirm(`Delete “${video.name}”?`)) return
    try {
      await deleteVideo(video.uuid)
    } finally {
      list.reload()
    }
  }

  return (
    <section data-testid="my-videos-page">
      <h1>My videos</h1>
      <p><a class="button primary" href="/upload">Upload</a> <a class="button" href="/my-library/video-channels">My channels</a></p>
      <QuotaLine />
      <ErrorAlert error={list.error} />
      {list.data && list.data.data.length === 0 && <p class="muted" data-testid="empty-list">You have not uploaded anything yet.</p>}
      {list.data && list.data.data.length > 0 && (
        <ul class="row-list" data-testid="my-videos">
          {list.data.data.map(video => (
            <li key={video.uuid} class="row" data-testid="my-video" data-uuid={video.uuid}>
              {video.thumbnailPath ? <img src={video.thumbnailPath} alt="" class="row-thumb" loading="lazy" /> : <div class="row-thumb" />}
              <div class="row-main">
                <a href={watchPath(video)}><strong>{video.name}</strong></a>
                <p class="muted small">
                  {formatDuration(video.duration)} · {video.privacy.label} · {formatCount(video.views, 'view')} · {formatDate(video.publishedAt)}
                  {video.state && <> · <span data-testid="video-state" data-state-id={video.state.id}>{video.state.label}</span></>}
                  {video.blacklisted && <span class="badge" data-testid="video-blocked" title={video.blacklistedReason ?? ''}>Blocked</span>}
                </p>
              </div>
              <div class="row-actions">
                <a class="button" href={`/videos/update/${video.uuid}`}>Edit</a>
                <button type="button" class="danger" onClick={() => void remove(video)}>Delete</button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {list.data && <Pagination total={list.data.total} page={page} pageSize={PAGE_SIZE} />}
    </section>
  )
}
