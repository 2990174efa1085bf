// The "new user" form of /admin/users.
import { useState } from 'preact/hooks'
import { UserRole } from '../../../../shared/models/client-user.js'
import { createUser } from '../../api/users.js'
import { ErrorAlert } from '../../components/ErrorAlert.js'
import { FormField, fieldAria, fieldErrorsOf, formErrorOf } from '../../components/FormField.js'

export const ROLE_OPTIONS = [
  { id: UserRole.ADMINISTRATOR, label: 'Administrator' },
  { id: UserRole.MODERATOR, label: 'Moderator' },
  { id: UserRole.USER, label: 'User' }
]

const GB = 1024 ** 3
export const QUOTA_OPTIONS = [
  { bytes: -1, label: 'Unlimited' },
  { bytes: 0, label: 'None' },
  { bytes: 100 * 1024 ** 2, label: '100 MB' },
  { bytes: 500 * 1024 ** 2, label: '500 MB' },
  { bytes: GB, label: '1 GB' },
  { bytes: 5 * GB, label: '5 GB' },
  { bytes: 20 * GB, label: '20 GB' },
  { bytes: 50 * GB, label: '50 GB' }
]

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

  const errors = fieldErrorsOf(error)
  const formError = formErrorOf(error, FIELDS)
  return (
    <form onSubmit={submit} class="narrow" data-testid="admin-user-create-form" noValidate>
      {formError && <ErrorAlert error={new Error(formError)} testId="admin-user-create-error" />}
      <FormField id="username" label="Username" error={errors.username}>
        <input {...fieldAria('username', errors.username)} data-testid="admin-user-username" autocomplete="off" value={form.username} onInput={set('username')} />
      </FormField>
      <FormField id="email" label="Email" error={errors.email}>
        <input {...fieldAria('email', errors.email)} data-testid="admin-user-email" type="email" value={form.email} onInput={set('email')} />
      </FormField>
      <FormField id="password" label="Password" error={errors.password}>
        <input {...fieldAria('password', errors.password)} data-testid="admin-user-password" type="password" autocomplete="new-password" value={form.password} onInput={set('password')} />
      </FormField>
      <FormField id="role" label="Role" error={errors.role}>
        <select {...fieldAria('role', errors.role)} data-testid="admin-user-new-role" value={String(form.role)} onChange={set('role')}>
          {ROLE_OPTIONS.map(r => <option key={r.id} value={String(r.id)}>{r.label}</option>)}
        </select>
      </FormField>
      <FormField id="videoQuota" label="Video quota" error={errors.videoQuota}>
        <select {...fieldAria('videoQuota', errors.videoQuota)} data-testid="admin-user-new-quota" value={String(form.videoQuota)} onChange={set('videoQuota')}>
          {QUOTA_OPTIONS.map(q => <option key={q.bytes} value={String(q.bytes)}>{q.label}</option>)}
        </select>
      </FormField>
      <button type="submit" class="primary" disabled={busy} data-testid="admin-user-create-submit">Create user</button>
      {created && <span class="success" role="status" data-testid="admin-user-created"> Created {created}.</span>}
    </form>
  )
}
