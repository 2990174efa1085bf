// The "new user" form of /admin/users.
import { useState } from 'preact/hooks'
import { UserRole } from '../../../../shared/models/client-user.js'
import { createUser } from '../../api/users.js'
import { FormMessage } from '../../components/ErrorAlert.js'
import { FormField, fieldAria } from '../../components/FormField.js'
import { humanizeProblem } from '../../errors/problem-sentences.js'
import { formatBytes } from '../../lib/format.js'
import { t } from '../../i18n/i18n.js'

export const ROLE_OPTIONS = [
  { id: UserRole.ADMINISTRATOR, label: 'role.0' },
  { id: UserRole.MODERATOR, label: 'role.1' },
  { id: UserRole.USER, label: 'role.2' }
] as const

const GB = 1024 ** 3
export const QUOTA_OPTIONS = [ -1, 0, 100 * 1024 ** 2, 500 * 1024 ** 2, GB, 5 * GB, 20 * GB, 50 * GB ].map(bytes => ({ bytes }))

export function quotaLabel (bytes: number): string {
  if (bytes < 0) return t('unit.unlimited')
  if (bytes === 0) return t('common.none')
  return formatBytes(bytes)
}

const FIELDS = ['username', 'email', 'password', 'role', 'videoQuota']

export function UserCreateForm ({ onCreated }: { onCreated: () => void }) {
  const [form, setForm] = useState({ username: '', email: '', password: '', role: UserRole.USER as number, videoQuota: -1 })
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const [created, setCreated] = useState<string | null>(null)

  const set = (key: keyof typeof form) => (e: Event) => {
    const target = e.currentTarget as HTMLInputElement | HTMLSelectElement
    setForm({ ...form, [key]: key === 'role' || key === 'videoQuota' ? Number(target.value) : target.value })
  }

  const submit = async (event: Event) => {
    event.preventDefault()
    setBusy(true)
    setError(null)
    setCreated(null)
    try {
      await createUser({ ...form, username: form.username.trim(), email: form.email.trim(), videoQuotaDaily: -1 })
      setCreated(form.username)
      setForm({ ...form, username: '', email: '', password: '' })
      onCreated()
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }

  const problem = humanizeProblem(error, { fields: FIELDS })
  const errors = problem.fields
  return (
    <form onSubmit={submit} class="narrow" data-testid="admin-user-create-form" noValidate>
      <FormMessage message={problem.message} testId="admin-user-create-error" />
      <FormField id="username" label={t('signup.username')} error={errors.username}>
        <input {...fieldAria('username', errors.username)} data-testid="admin-user-username" autocomplete="off" value={form.username} onInput={set('username')} />
      </FormField>
      <FormField id="email" label={t('signup.email')} error={errors.email}>
        <input {...fieldAria('email', errors.email)} data-testid="admin-user-email" type="email" value={form.email} onInput={set('email')} />
      </FormField>
      <FormField id="password" label={t('signup.password')} error={errors.password}>
        <input {...fieldAria('password', errors.password)} data-testid="admin-user-password" type="password" autocomplete="new-password" value={form.password} onInput={set('password')} />
      </FormField>
      <FormField id="role" label={t('admin.users.role')} error={errors.role}>
        <select {...fieldAria('role', errors.role)} data-testid="admin-user-new-role" value={String(form.role)} onChange={set('role')}>
          {ROLE_OPTIONS.map(r => <option key={r.id} value={String(r.id)}>{t(r.label)}</option>)}
        </select>
      </FormField>
      <FormField id="videoQuota" label={t('admin.users.quota')} error={errors.videoQuota}>
        <select {...fieldAria('videoQuota', errors.videoQuota)} data-testid="admin-user-new-quota" value={String(form.videoQuota)} onChange={set('videoQuota')}>
          {QUOTA_OPTIONS.map(q => <option key={q.bytes} value={String(q.bytes)}>{quotaLabel(q.bytes)}</option>)}
        </select>
      </FormField>
      <button type="submit" class="primary" disabled={busy} data-testid="admin-user-create-submit">{t('admin.users.create')}</button>
      {created && <span class="success" role="status" data-testid="admin-user-created"> {t('admin.users.createdMessage', { username: created })}</span>}
    </form>
  )
}
