// /admin/comments — every comment of the instance for moderators: search, local or remote, waiting for approval;
// approve or delete.
import { useState } from 'preact/hooks'
import type { VideoCommentForAdminOrUser } from '../../../../shared/models/client-video-comment.js'
import { approveComment, deleteComment, listInstanceComments } from '../../api/comments.js'
import { ErrorAlert } from '../../components/ErrorAlert.js'
import { Markdown } from '../../components/Markdown.js'
import { Pagination, pageFromQuery } from '../../components/Pagination.js'
import { accountPath } from '../../components/VideoCard.js'
import { formatDateTime } from '../../lib/format.js'
import { useAsync } from '../../lib/use-async.js'
import { setQuery, useLocation } from '../../router.js'
import { AdminLayout } from './admin-layout.js'

const PAGE_SIZE = 20

function CommentRow ({ comment, onChange, onError }: { comment: VideoCommentForAdminOrUser; onChange: () => void; onError: (e: unknown) => void }) {
  const run = async (action: () => Promise<void>) => {
    try {
      await action()
      onChange()
    } catch (err) {
      onError(err)
    }
  }
  return (
    <tr data-testid="admin-comment-row" data-id={comment.id} data-held={String(comment.heldForReview)}>
      <td>
        <a href={accountPath(comment.account)}><strong>{comment.account.displayName}</strong></a>
        <br /><span class="muted small">{comment.account.name}@{comment.account.host}</span>
      </td>
      <td class="admin-comment-text">
        <Markdown source={comment.text} subset="comment" class="comment-text" testId="admin-comment-text" />
        {comment.heldForReview && <span class="badge">Waiting for approval</span>}
      </td>
      <td><a href={`/w/${comment.video.uuid}`}>{comment.video.name}</a></td>
      <td class="small">{formatDateTime(comment.createdAt)}</td>
      <td class="row-actions">
        {comment.heldForReview && (
          <button type="button" data-testid="admin-comment-approve" onClick={() => void run(() => approveComment(comment.video.uuid, comment.id))}>Approve</button>
        )}
        <button type="button" class="danger" data-testid="admin-comment-delete"
          onClick={() => { if (confirm('Delete this comment?')) void run(() => deleteComment(comment.video.uuid, comment.id)) }}>Delete</button>
      </td>
    </tr>
  )
}

export default function AdminComments () {
  const { query } = useLocation()
  const page = pageFromQuery(query)
  const search = query.get('search') ?? ''
  const origin = query.get('origin') ?? ''
  const held = query.get('held') === '1'
  const comments = useAsync(() => listInstanceComments({
    start: (page - 1) * PAGE_SIZE,
    count: PAGE_SIZE,
    search: search || undefined,
    isLocal: origin === 'local' ? true : origin === 'remote' ? false : undefined,
    isHeldForReview: held ? true : undefined
  }), [page, search, origin, held])
  const [error, setError] = useState<unknown>(null)

  return (
    <AdminLayout>
      <h1>Comments</h1>
      <form class="filters" role="search" onSubmit={e => {
        e.preventDefault()
        setQuery({ search: (new FormData(e.currentTarget as HTMLFormElement).get('search') as string) || null, page: null })
      }}>
        <input type="search" name="search" aria-label="Search comments, authors and videos" defaultValue={search} data-testid="admin-comments-search" />
        <button type="submit">Search</button>
        <select aria-label="Origin" value={origin} data-testid="admin-comments-origin"
          onChange={e => setQuery({ origin: (e.currentTarget as HTMLSelectElement).value || null, page: null })}>
          <option value="">Local and remote</option>
          <option value="local">Written here</option>
          <option value="remote">From other servers</option>
        </select>
        <label><input type="checkbox" checked={held} data-testid="admin-comments-held"
          onChange={e => setQuery({ held: (e.currentTarget as HTMLInputElement).checked ? '1' : null, page: null })} /> Waiting for approval</label>
      </form>
      <ErrorAlert error={comments.error ?? error} />
      {comments.data && (
        <div class="table-scroll">
          <table class="table" data-testid="admin-comments">
            <thead><tr><th>Author</th><th>Comment</th><th>Video</th><th>Date</th><th /></tr></thead>
            <tbody>
              {comments.data.data.map(c => <CommentRow key={`${c.id}-${c.heldForReview}`} comment={c} onChange={comments.reload} onError={setError} />)}
            </tbody>
          </table>
          {comments.data.total === 0 && <p class="muted" data-testid="admin-comments-empty">No comments.</p>}
        </div>
      )}
      {comments.data && <Pagination total={comments.data.total} page={page} pageSize={PAGE_SIZE} />}
    </AdminLayout>
  )
}
