// /admin/moderation/video-blocks — blocked videos, and new videos auto-blocked until a moderator reviews them.
import { useState } from 'preact/hooks'
import { VideoBlockType, type VideoBlock } from '../../../../../shared/models/client-moderation.js'
import { listVideoBlocks, unblockVideo } from '../../../api/moderation.js'
import { ErrorAlert } from '../../../components/ErrorAlert.js'
import { Pagination, pageFromQuery } from '../../../components/Pagination.js'
import { accountPath } from '../../../components/VideoCard.js'
import { formatDateTime } from '../../../lib/format.js'
import { useAsync } from '../../../lib/use-async.js'
import { setQuery, useLocation } from '../../../router.js'
import { ModerationLayout } from './moderation-layout.js'

const PAGE_SIZE = 20

function BlockRow ({ block, onChange }: { block: VideoBlock; onChange: () => void }) {
  const [error, setError] = useState<unknown>(null)
  const auto = block.type === VideoBlockType.AUTO_BEFORE_PUBLISHED
  const unblock = async () => {
    setError(null)
    try {
      await unblockVideo(block.video.uuid)
      onChange()
    } catch (err) {
      setError(err)
    }
  }
  return (
    <li class="row" data-testid="video-block-row" data-uuid={block.video.uuid} data-type={block.type}>
      {block.video.thumbnailPath ? <img class="row-thumb" src={block.video.thumbnailPath} alt="" loading="lazy" /> : <span class="row-thumb" />}
      <div class="row-main">
        <a href={`/w/${block.video.uuid}`}><strong>{block.video.name}</strong></a>
        <p class="muted small">
          by <a href={accountPath(block.video.account)}>{block.video.account.displayName}</a> · {auto ? 'auto-blocked, waiting for review' : 'blocked'} {formatDateTime(block.createdAt)}
          {block.unfederated && <span class="badge">not federated</span>}
          {!block.video.isLocal && <span class="badge">remote</span>}
        </p>
        {block.reason && !auto && <p class="reason">{block.reason}</p>}
        <ErrorAlert error={error} />
      </div>
      <div class="row-actions">
        <button type="button" class={auto ? 'primary' : ''} onClick={() => void unblock()} data-testid="video-block-unblock">{auto ? 'Accept and publish' : 'Unblock'}</button>
      </div>
    </li>
  )
}

export default function AdminVideoBlocks () {
  const { query } = useLocation()
  const page = pageFromQuery(query)
  const type = query.get('type') ?? ''
  const search = query.get('search') ?? ''
  const blocks = useAsync(() => listVideoBlocks({ start: (page - 1) * PAGE_SIZE, count: PAGE_SIZE, type: type ? Number(type) : undefined, search: search || undefined }), [page, type, search])

  return (
    <ModerationLayout>
      <h1>Blocked videos</h1>
      <form class="filters" role="search" onSubmit={e => { e.preventDefault(); setQuery({ search: (new FormData(e.currentTarget as HTMLFormElement).get('search') as string) || null, page: null }) }}>
        <select aria-label="Kind of block" value={type} data-testid="video-blocks-filter-type" onChange={e => setQuery({ type: (e.currentTarget as HTMLSelectElement).value || null, page: null })}>
          <option value="">All blocks</option>
          <option value={String(VideoBlockType.MANUAL)}>Blocked by a moderator</option>
          <option value={String(VideoBlockType.AUTO_BEFORE_PUBLISHED)}>Waiting for review</option>
        </select>
        <input type="search" name="search" aria-label="Search videos" defaultValue={search} />
        <button type="submit">Search</button>
      </form>
      <ErrorAlert error={blocks.error} />
      {blocks.data && blocks.data.total === 0 && <p class="muted" data-testid="video-blocks-empty">No blocked videos.</p>}
      <ul class="row-list" data-testid="video-blocks">
        {blocks.data?.data.map(block => <BlockRow key={block.id} block={block} onChange={blocks.reload} />)}
      </ul>
      {blocks.data && <Pagination total={blocks.data.total} page={page} pageSize={PAGE_SIZE} />}
    </ModerationLayout>
  )
}
