// /admin/follows — follow instances or actors, and manage who follows this instance.
import { useEffect, useState } from 'preact/hooks'
import type { Follow } from '../../../../shared/models/client-server.js'
import { acceptFollower, follow, listFollowers, listFollowing, rejectFollower, removeFollower, unfollow } from '../../api/server.js'
import { ErrorAlert } from '../../components/ErrorAlert.js'
import { FormField, fieldAria } from '../../components/FormField.js'
import { humanizeProblem } from '../../errors/problem-sentences.js'
import { formatDate } from '../../lib/format.js'
import { useAsync } from '../../lib/use-async.js'
import { AdminLayout } from './admin-layout.js'
import { t } from '../../i18n/i18n.js'

/** The application actor of an instance is followed by host; other actors by handle. */
const INSTANCE_ACTOR_NAME = 'peertube'
/** A follow is recorded by a background job, then stays pending until the other side answers: look again this
 * often while a row is pending, and for a while after a request until its row shows up. */
const PENDING_REFRESH_MS = 2000
const NEW_FOLLOW_WATCH_MS = 30_000

/** Splits "a.example, b.example:9000 chan@c.example" into hosts and handles. */
export function parseFollowTargets (text: string): { hosts: string[]; handles: string[] } {
  const items = text.split(/[\s,]+/).map(item => item.trim().replace(/^https?:\/\//, '').replace(/\/+$/, '')).filter(Boolean)
  return {
    hosts: items.filter(item => !item.includes('@')),
    handles: items.filter(item => item.includes('@')).map(item => item.replace(/^@/, ''))
  }
}

function followingTarget (f: Follow): string {
  return f.following.name === INSTANCE_ACTOR_NAME ? f.following.host : `${f.following.name}@${f.following.host}`
}

function followerHandle (f: Follow): string {
  return `${f.follower.name}@${f.follower.host}`
}

export default function AdminFollows () {
  const following = useAsync(() => listFollowing({ count: 100, sort: '-createdAt' }), [])
  const followers = useAsync(() => listFollowers({ count: 100, sort: '-createdAt' }), [])
  const [targets, setTargets] = useState('')
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState(false)
  const [watchUntil, setWatchUntil] = useState(0)

  const act = async (action: () => Promise<void>) => {
    setError(null)
    try {
      await action()
    } catch (err) {
      setError(err)
    }
    following.reload()
    followers.reload()
  }

  const submit = async (event: Event) => {
    event.preventDefault()
    const parsed = parseFollowTargets(targets)
    if (!parsed.hosts.length && !parsed.handles.length) return
    setBusy(true)
    setDone(false)
    await act(async () => {
      await follow({ hosts: parsed.hosts.length ? parsed.hosts : undefined, handles: parsed.handles.length ? parsed.handles : undefined })
      setTargets('')
      setDone(true)
      setWatchUntil(Date.now() + NEW_FOLLOW_WATCH_MS)
    })
    setBusy(false)
  }

  const anyPending = following.data?.data.some(f => f.state === 'pending') ?? false
  useEffect(() => {
    if (!anyPending && Date.now() > watchUntil) return
    const timer = setTimeout(following.reload, PENDING_REFRESH_MS)
    return () => clearTimeout(timer)
  }, [anyPending, watchUntil, following.data])

  // `hosts.2` or `handles.0`: the sentence names the refused entry.
  const problem = humanizeProblem(error, { fields: [ 'follow-targets' ], rename: { hosts: 'follow-targets', handles: 'follow-targets' } })
  const targetError = problem.fields['follow-targets']
  return (
    <AdminLayout adminOnly>
      <h1>{t('menu.adminFollows')}</h1>
      <form onSubmit={submit} data-testid="admin-follow-form" noValidate>
        <FormField id="follow-targets" label={t('admin.follows.label')} error={targetError}>
          <textarea {...fieldAria('follow-targets', targetError)} data-testid="admin-follow-input" rows={2} value={targets}
            placeholder={t('admin.follows.placeholder')} onInput={e => setTargets((e.currentTarget as HTMLTextAreaElement).value)} />
        </FormField>
        <button type="submit" class="primary" disabled={busy} data-testid="admin-follow-submit">{t('admin.follows.follow')}</button>
        {done && <span class="success" role="status" data-testid="admin-follow-done"> {t('admin.follows.requested')}</span>}
      </form>
      {!targetError && problem.message && <p class="error" role="alert" data-testid="admin-follow-error">{problem.message}</p>}

      <h2>{t('admin.follows.following')}</h2>
      <ErrorAlert error={following.error} />
      <table class="table" data-testid="admin-following">
        <thead><tr><th>{t('admin.follows.target')}</th><th>{t('admin.jobs.state')}</th><th>{t('admin.follows.since')}</th><th /></tr></thead>
        <tbody>
          {following.data?.data.map(f => (
            <tr key={f.id} data-testid="admin-following-row" data-host={f.following.host} data-state={f.state}>
              <td>{followingTarget(f)}</td><td>{t(`admin.follows.state.${f.state}`)}</td><td>{formatDate(f.createdAt)}</td>
              <td><button type="button" class="danger" onClick={() => void act(() => unfollow(followingTarget(f)))}>{t('admin.follows.unfollow')}</button></td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>{t('admin.follows.followers')}</h2>
      <ErrorAlert error={followers.error} />
      <table class="table" data-testid="admin-followers">
        <thead><tr><th>{t('admin.follows.follower')}</th><th>{t('admin.jobs.state')}</th><th>{t('admin.follows.since')}</th><th /></tr></thead>
        <tbody>
          {followers.data?.data.map(f => (
            <tr key={f.id} data-testid="admin-follower-row" data-host={f.follower.host} data-state={f.state}>
              <td>{followerHandle(f)}</td><td>{t(`admin.follows.state.${f.state}`)}</td><td>{formatDate(f.createdAt)}</td>
              <td class="row-actions">
                {f.state === 'pending' && <button type="button" onClick={() => void act(() => acceptFollower(followerHandle(f)))} data-testid="admin-follower-accept">{t('admin.follows.accept')}</button>}
                {f.state === 'pending' && <button type="button" onClick={() => void act(() => rejectFollower(followerHandle(f)))} data-testid="admin-follower-reject">{t('admin.follows.reject')}</button>}
                <button type="button" class="danger" onClick={() => void act(() => removeFollower(followerHandle(f)))} data-testid="admin-follower-remove">{t('admin.follows.remove')}</button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </AdminLayout>
  )
}
