// /admin/users — list, create, change role and quota, block/unblock, delete.
import { useState } from 'preact/hooks'
import type { User } from '../../../../shared/models/client-user.js'
import { UserRole } from '../../../../shared/models/client-user.js'
import { blockUser, deleteUser, listUsers, unblockUser, updateUser } from '../../api/users.js'
import { ErrorAlert } from '../../components/ErrorAlert.js'
import { Pagination, pageFromQuery } from '../../components/Pagination.js'
import { formatDate, formatQuota } from '../../lib/format.js'
import { sessionStore } from '../../lib/session.js'
import { useStore } from '../../lib/store.js'
import { useAsync } from '../../lib/use-async.js'
import { setQuery, useLocation } from '../../router.js'
import { AdminLayout } from './admin-layout.js'
import { UserCreateForm, ROLE_OPTIONS, QUOTA_OPTIONS, quotaLabel } from './admin-user-form.js'
import { t } from '../../i18n/i18n.js'

const PAGE_SIZE = 20

function UserRow ({ user, me, onChange, onError }: { user: User; me: User | null; onChange: () => void; onError: (e: unknown) => void }) {
  const [role, setRole] = useState(user.role.id)
  const [quota, setQuota] = useState(user.videoQuota)
  const dirty = role !== user.role.id || quota !== user.videoQuota
  const self = me?.id === user.id
  // Moderators may only manage plain users.
  const canManage = !self && (me?.role.id === UserRole.ADMINISTRATOR || user.role.id === UserRole.USER)

  const run = async (action: () => Promise<void>) => {
    try {
      await action()
      onChange()
    } catch (err) {
      onError(err)
    }
  }
  const onBlock = () => {
    const reason = prompt(t('admin.users.blockPrompt', { username: user.username }))
    if (reason !== null) void run(() => blockUser(user.id, reason || undefined))
  }
  const onDelete = () => {
    if (confirm(t('admin.users.deleteConfirm', { username: user.username }))) void run(() => deleteUser(user.id))
  }

  return (
    <tr data-testid="admin-user-row" data-username={user.username} data-blocked={String(user.blocked)}>
      <td><strong>{user.username}</strong><br /><span class="muted small">{user.email}</span></td>
      <td>
        <select aria-label={t('admin.users.roleOf', { username: user.username })} data-testid="admin-user-role" value={String(role)} disabled={!canManage}
          onChange={e => setRole(Number((e.currentTarget as HTMLSelectElement).value))}>
          {ROLE_OPTIONS.map(r => <option key={r.id} value={String(r.id)}>{t(r.label)}</option>)}
        </select>
      </td>
      <td>
        <select aria-label={t('admin.users.quotaOf', { username: user.username })} data-testid="admin-user-quota" value={String(quota)} disabled={!canManage}
          onChange={e => setQuota(Number((e.currentTarget as HTMLSelectElement).value))}>
          {!QUOTA_OPTIONS.some(q => q.bytes === quota) && <option value={String(quota)}>{formatQuota(quota)}</option>}
          {QUOTA_OPTIONS.map(q => <option key={q.bytes} value={String(q.bytes)}>{quotaLabel(q.bytes)}</option>)}
        </select>
      </td>
      <td>{user.blocked ? <span class="badge" title={user.blockedReason ?? ''}>{t('admin.users.blocked')}</span> : t('admin.users.active')}</td>
      <td>{formatDate(user.createdAt)}</td>
      <td class="row-actions">
        {dirty && <button type="button" class="primary" data-testid="admin-user-save" onClick={() => void run(() => updateUser(user.id, { role, videoQuota: quota }))}>{t('common.save')}</button>}
        {canManage && (user.blocked
          ? <button type="button" data-testid="admin-user-unblock" onClick={() => void run(() => unblockUser(user.id))}>{t('admin.users.unblock')}</button>
          : <button type="button" data-testid="admin-user-block" onClick={onBlock}>{t('admin.users.block')}</button>)}
        {canManage && <button type="button" class="danger" data-testid="admin-user-delete" onClick={onDelete}>{t('common.delete')}</button>}
      </td>
    </tr>
  )
}

export default function AdminUsers () {
  const { user: me } = useStore(sessionStore)
  const { query } = useLocation()
  const page = pageFromQuery(query)
  const search = query.get('search') ?? ''
  const users = useAsync(() => listUsers({ start: (page - 1) * PAGE_SIZE, count: PAGE_SIZE, sort: '-createdAt', search: search || undefined }), [page, search])
  const [error, setError] = useState<unknown>(null)

  return (
    <AdminLayout>
      <h1>{t('menu.adminUsers')}</h1>
      <form class="filters" role="search" onSubmit={e => {
        e.preventDefault()
        setQuery({ search: (new FormData(e.currentTarget as HTMLFormElement).get('search') as string) || null, page: null })
      }}>
        <input type="search" name="search" aria-label={t('admin.users.search')} defaultValue={search} data-testid="admin-users-search" />
        <button type="submit">{t('admin.users.searchButton')}</button>
      </form>
      <ErrorAlert error={users.error ?? error} />
      {users.data && (
        <div class="table-scroll">
          <table class="table" data-testid="admin-users">
            <thead><tr><th>{t('admin.users.user')}</th><th>{t('admin.users.role')}</th><th>{t('admin.users.quota')}</th><th>{t('admin.users.status')}</th><th>{t('admin.users.created')}</th><th /></tr></thead>
            <tbody>
              {users.data.data.map(u => <UserRow key={`${u.id}-${u.role.id}-${u.videoQuota}-${u.blocked}`} user={u} me={me} onChange={users.reload} onError={setError} />)}
            </tbody>
          </table>
        </div>
      )}
      {users.data && <Pagination total={users.data.total} page={page} pageSize={PAGE_SIZE} />}
      <h2>{t('admin.users.new')}</h2>
      <UserCreateForm onCreated={users.reload} />
    </AdminLayout>
  )
}
