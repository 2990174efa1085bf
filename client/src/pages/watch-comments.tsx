// The comments of the watch page: threads (newest or most replied first, loaded ten at a time), each thread's
// replies on demand, writing, replying, deleting, and approving what waits for the owner's approval.
import { useEffect, useState } from 'preact/hooks'
import type { User } from '../../../shared/models/client-user.js'
import type { VideoComment, VideoCommentThreadTree } from '../../../shared/models/client-video-comment.js'
import type { VideoDetails } from '../../../shared/models/client-video.js'
import { addReply, addThread, approveComment, deleteComment, getThread, listThreads, type ThreadSort } from '../api/comments.js'
import { ErrorAlert, isNotFound } from '../components/ErrorAlert.js'
import { Markdown } from '../components/Markdown.js'
import { ReportDialog } from '../components/moderation/ReportDialog.js'
import { accountPath } from '../components/VideoCard.js'
import { t, tn } from '../i18n/i18n.js'
import { formatDateTime } from '../lib/format.js'
import { isModeratorOrAdmin, sessionStore } from '../lib/session.js'
import { useStore } from '../lib/store.js'

const THREADS_PER_PAGE = 10
const MAX_TEXT = 10_000
const POLICY = { DISABLED: 2, REQUIRES_APPROVAL: 3 } as const
// Writing refused: comments switched off meanwhile (409), a private video of someone else (403).
const COMMENT_PROBLEMS = { messages: { 409: 'comments.disabledNow', 403: 'comments.forbidden' } } as const

/** What the viewer may do with comments of this video. */
interface Permissions {
  user: User | null
  isVideoOwner: boolean
  isModerator: boolean
}

function canDelete (comment: VideoComment, can: Permissions) {
  return !!can.user && !comment.isDeleted && (can.isModerator || can.isVideoOwner || comment.account?.id === can.user.account.id)
}

/** Anyone logged in may report someone else's comment to the moderators (of this instance, and of the comment's). */
function canReport (comment: VideoComment, can: Permissions) {
  return !!can.user && !comment.isDeleted && comment.account?.id !== can.user.account.id
}

/** A few words of the comment, for the report dialog's title. */
function excerptOf (text: string) {
  return text.length > 80 ? `${text.slice(0, 77)}…` : text
}

function canApprove (comment: VideoComment, can: Permissions) {
  return comment.heldForReview && !comment.isDeleted && (can.isModerator || can.isVideoOwner)
}

function CommentForm ({ onSubmit, onCancel, placeholder, testPrefix }: {
  onSubmit: (text: string) => Promise<void>
  onCancel?: () => void
  placeholder: string
  testPrefix: 'comment' | 'reply'
}) {
  const [text, setText] = useState('')
  const [error, setError] = useState<unknown>(null)
  const [sending, setSending] = useState(false)

  const submit = async (event: Event) => {
    event.preventDefault()
    if (text.trim() === '' || sending) return
    setSending(true)
    setError(null)
    try {
      await onSubmit(text)
      setText('')
    } catch (err) {
      setError(err)
    } finally {
      setSending(false)
    }
  }

  return (
    <form class="comment-form" onSubmit={submit} data-testid={`${testPrefix}-form`}>
      <label class="visually-hidden" for={`${testPrefix}-input`}>{placeholder}</label>
      <textarea id={`${testPrefix}-input`} data-testid={`${testPrefix}-input`} placeholder={placeholder} maxLength={MAX_TEXT} rows={3}
        value={text} onInput={e => setText((e.currentTarget as HTMLTextAreaElement).value)} />
      <p class="actions">
        <button type="submit" class="primary" disabled={sending || text.trim() === ''} data-testid={`${testPrefix}-submit`}>
          {t(testPrefix === 'reply' ? 'comments.reply' : 'comments.submit')}
        </button>
        {onCancel && <button type="button" onClick={onCancel}>{t('comments.cancel')}</button>}
        <span class="muted small">{t('comments.markdownHint')}</span>
      </p>
      <ErrorAlert error={error} testId={`${testPrefix}-error`} options={COMMENT_PROBLEMS} />
    </form>
  )
}

function CommentView ({ comment, can, actions, onReply }: {
  comment: VideoComment
  can: Permissions
  actions: { remove: (c: VideoComment) => Promise<void>; approve: (c: VideoComment) => Promise<void> }
  onReply?: () => void
}) {
  const [error, setError] = useState<unknown>(null)
  const [reporting, setReporting] = useState(false)
  const run = async (action: () => Promise<void>) => {
    setError(null)
    try {
      await action()
    } catch (err) {
      setError(err)
    }
  }
  const onDelete = () => {
    if (confirm(t('comments.deleteConfirm'))) void run(() => actions.remove(comment))
  }

  return (
    <article class="comment" data-testid="comment" data-id={comment.id} data-held={String(comment.heldForReview)} data-deleted={String(comment.isDeleted)}>
      {comment.isDeleted
        ? <p class="muted" data-testid="comment-text">{t('comments.deleted')}</p>
        : <>
          <header class="small">
            {comment.account && <a href={accountPath(comment.account)} data-testid="comment-author"><strong>{comment.account.displayName}</strong></a>}
            {comment.account && <span class="muted"> @{comment.account.name}@{comment.account.host}</span>}
            {' · '}<time class="muted" dateTime={comment.createdAt}>{formatDateTime(comment.createdAt)}</time>
            {comment.heldForReview && <span class="badge" data-testid="comment-held">{t('comments.held')}</span>}
          </header>
          <Markdown source={comment.text} subset="comment" class="comment-text" testId="comment-text" />
        </>}
      <p class="actions small">
        {onReply && can.user && !comment.isDeleted && <button type="button" class="link-button" onClick={onReply} data-testid="comment-reply">{t('comments.reply')}</button>}
        {canApprove(comment, can) && <button type="button" class="link-button" onClick={() => void run(() => actions.approve(comment))} data-testid="comment-approve">{t('comments.approve')}</button>}
        {canDelete(comment, can) && <button type="button" class="link-button danger" onClick={onDelete} data-testid="comment-delete">{t('common.delete')}</button>}
        {canReport(comment, can) && <button type="button" class="link-button" onClick={() => setReporting(true)} data-testid="comment-report">{t('comments.report')}</button>}
      </p>
      <ErrorAlert error={error} testId="comment-action-error" />
      {reporting && <ReportDialog target={{ kind: 'comment', id: comment.id, excerpt: excerptOf(comment.text) }} onClose={() => setReporting(false)} />}
    </article>
  )
}

function ReplyTree ({ node, can, actions, reply }: {
  node: VideoCommentThreadTree
  can: Permissions
  actions: { remove: (c: VideoComment) => Promise<void>; approve: (c: VideoComment) => Promise<void> }
  reply: (parent: VideoComment, text: string) => Promise<void>
}) {
  const [replying, setReplying] = useState(false)
  return (
    <li>
      <CommentView comment={node.comment} can={can} actions={actions} onReply={() => setReplying(true)} />
      {replying && <CommentForm testPrefix="reply" placeholder={t('comments.replyPlaceholder')} onCancel={() => setReplying(false)}
        onSubmit={async text => { await reply(node.comment, text); setReplying(false) }} />}
      {node.children.length > 0 && (
        <ul class="comment-replies">
          {node.children.map(child => <ReplyTree key={child.comment.id} node={child} can={can} actions={actions} reply={reply} />)}
        </ul>
      )}
    </li>
  )
}

/** A thread: its first comment, and its replies once asked for (or once the viewer answers). */
function CommentThread ({ videoId, thread, can, onChanged }: {
  videoId: string
  thread: VideoComment
  can: Permissions
  onChanged: (updated: VideoComment | null) => void
}) {
  const [tree, setTree] = useState<VideoCommentThreadTree | null>(null)
  const [open, setOpen] = useState(false)
  const [replying, setReplying] = useState(false)
  const [error, setError] = useState<unknown>(null)

  const reload = async () => {
    try {
      const fresh = await getThread(videoId, thread.id)
      setTree(fresh)
      onChanged(fresh.comment)
    } catch (err) {
      // The whole thread is gone (a deleted first comment with no reply left).
      setTree(null)
      onChanged(null)
      if (!isNotFound(err)) setError(err)
    }
  }
  const toggle = async () => {
    if (open) return setOpen(false)
    setOpen(true)
    if (!tree) await reload()
  }
  const actions = {
    remove: async (comment: VideoComment) => { await deleteComment(videoId, comment.id); await reload() },
    approve: async (comment: VideoComment) => { await approveComment(videoId, comment.id); await reload() }
  }
  const reply = async (parent: VideoComment, text: string) => {
    await addReply(videoId, parent.id, text)
    setOpen(true)
    await reload()
  }

  return (
    <li class="comment-thread" data-testid="comment-thread" data-id={thread.id}>
      <CommentView comment={tree?.comment ?? thread} can={can} actions={actions} onReply={() => setReplying(true)} />
      {replying && <CommentForm testPrefix="reply" placeholder={t('comments.replyPlaceholder')} onCancel={() => setReplying(false)}
        onSubmit={async text => { await reply(thread, text); setReplying(false) }} />}
      {thread.totalReplies > 0 && (
        <button type="button" class="link-button small" onClick={() => void toggle()} aria-expanded={open} data-testid="comment-replies-toggle">
          {open ? t('comments.hideReplies') : tn('comments.showReplies', thread.totalReplies)}
        </button>
      )}
      {open && tree && tree.children.length > 0 && (
        <ul class="comment-replies">
          {tree.children.map(child => <ReplyTree key={child.comment.id} node={child} can={can} actions={actions} reply={reply} />)}
        </ul>
      )}
      <ErrorAlert error={error} testId="comment-thread-error" />
    </li>
  )
}

export function VideoComments ({ details }: { details: VideoDetails }) {
  const { user } = useStore(sessionStore)
  const policy = details.commentsPolicy?.id ?? (details.commentsEnabled === false ? POLICY.DISABLED : 1)
  const [sort, setSort] = useState<ThreadSort>('-createdAt')
  const [threads, setThreads] = useState<VideoComment[]>([])
  const [total, setTotal] = useState(0)
  const [count, setCount] = useState(0)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<unknown>(null)
  const [posted, setPosted] = useState<'shown' | 'held' | null>(null)

  const can: Permissions = {
    user,
    isVideoOwner: !!user && details.account.userId === user.id,
    isModerator: isModeratorOrAdmin(user)
  }

  const load = async (start: number) => {
    setLoading(true)
    setError(null)
    try {
      const page = await listThreads(details.uuid, { start, count: THREADS_PER_PAGE, sort })
      setThreads(previous => (start === 0 ? page.data : [ ...previous, ...page.data.filter(t => !previous.some(p => p.id === t.id)) ]))
      setTotal(page.total)
      setCount(page.totalNotDeletedComments)
    } catch (err) {
      setError(err)
    } finally {
      setLoading(false)
    }
  }

  useEffect(() => {
    if (policy !== POLICY.DISABLED) void load(0)
  }, [details.uuid, sort, user?.id])

  if (policy === POLICY.DISABLED) {
    return <section class="comments" data-testid="comments"><h2>{t('comments.title')}</h2><p class="muted" data-testid="comments-disabled">{t('comments.disabled')}</p></section>
  }

  const post = async (text: string) => {
    const comment = await addThread(details.uuid, text)
    setPosted(comment.heldForReview ? 'held' : 'shown')
    setThreads(previous => [ comment, ...previous ])
    setTotal(t => t + 1)
    setCount(c => c + 1)
  }
  const changed = (id: number) => (updated: VideoComment | null) => {
    setThreads(previous => updated ? previous.map(t => (t.id === id ? updated : t)) : previous.filter(t => t.id !== id))
    // The counters come from the server: ask again rather than guess.
    void listThreads(details.uuid, { start: 0, count: 1, sort }).then(page => { setCount(page.totalNotDeletedComments); setTotal(page.total) }, () => undefined)
  }

  return (
    <section class="comments" data-testid="comments" aria-labelledby="comments-title">
      <header class="comments-header">
        <h2 id="comments-title"><span data-testid="comments-total" data-count={count}>{tn('comments.count', count)}</span></h2>
        <label class="small">{t('comments.sortBy')}{' '}
          <select data-testid="comments-sort" value={sort} onChange={e => setSort((e.currentTarget as HTMLSelectElement).value as ThreadSort)}>
            <option value="-createdAt">{t('comments.sort.newest')}</option>
            <option value="-totalReplies">{t('comments.sort.replies')}</option>
          </select>
        </label>
      </header>
      {policy === POLICY.REQUIRES_APPROVAL && <p class="muted small" data-testid="comments-moderated">{t('comments.moderated')}</p>}
      {user
        ? <CommentForm testPrefix="comment" placeholder={t('comments.placeholder')} onSubmit={post} />
        : <p><a href={`/login?redirect=${encodeURIComponent(location.pathname)}`} data-testid="comment-login">{t('comments.login')}</a></p>}
      {posted === 'held' && <p class="notice" role="status" data-testid="comment-held-notice">{t('comments.heldNotice')}</p>}
      <ErrorAlert error={error} testId="comments-error" />
      <ul class="comment-threads" data-testid="comment-threads">
        {threads.map(thread => <CommentThread key={thread.id} videoId={details.uuid} thread={thread} can={can} onChanged={changed(thread.id)} />)}
      </ul>
      {!loading && threads.length === 0 && <p class="muted" data-testid="comments-empty">{t('comments.empty')}</p>}
      {threads.length < total && (
        <button type="button" onClick={() => void load(threads.length)} disabled={loading} data-testid="comments-more">{t('comments.more')}</button>
      )}
    </section>
  )
}
