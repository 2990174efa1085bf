// The new account: who (display name, username), how to reach and sign in (e-mail, password), the first channel,
// and, when a moderator approves sign-ups, why one wants to join.
import { useState } from 'preact/hooks'
import { FormMessage } from '../../components/ErrorAlert.js'
import { FormField, fieldAria } from '../../components/FormField.js'
import { humanizeProblem } from '../../errors/problem-sentences.js'
import { t } from '../../i18n/i18n.js'

export interface SignupValues {
  displayName: string
  username: string
  email: string
  password: string
  channelName: string
  channelDisplayName: string
  registrationReason: string
}

const FIELDS = [ 'displayName', 'username', 'email', 'password', 'channelName', 'channelDisplayName', 'registrationReason' ]
const RENAME = { 'channel.name': 'channelName', 'channel.displayName': 'channelDisplayName' }
const USERNAME = /^[a-z0-9._]{1,50}$/

/** A channel name that differs from the username (PeerTube's names share one namespace). */
export function defaultChannelName (username: string): string {
  return username ? `${username}_channel`.slice(0, 50) : ''
}

export function SignupAccountForm ({ approval, onSubmit, onBack }: { approval: boolean; onSubmit: (values: SignupValues) => Promise<void>; onBack: () => void }) {
  const [values, setValues] = useState<SignupValues>({ displayName: '', username: '', email: '', password: '', channelName: '', channelDisplayName: '', registrationReason: '' })
  const [channelTouched, setChannelTouched] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [local, setLocal] = useState<Record<string, string>>({})

  const set = (key: keyof SignupValues) => (event: Event) => {
    const value = (event.currentTarget as HTMLInputElement).value
    const next = { ...values, [key]: value }
    if (key === 'username' && !channelTouched) next.channelName = defaultChannelName(value)
    if ((key === 'channelName' || key === 'channelDisplayName')) setChannelTouched(true)
    setValues(next)
    setLocal({})
  }

  const submit = async (event: Event) => {
    event.preventDefault()
    const errors: Record<string, string> = {}
    if (!USERNAME.test(values.username)) errors.username = t('problem.field.username')
    if (values.password.length < 6) errors.password = t('problem.field.password', { min: 6, max: 255 })
    if (!values.email.includes('@')) errors.email = t('problem.field.email')
    if (approval && values.registrationReason.trim().length < 2) errors.registrationReason = t('problem.field.registrationReason', { min: 2, max: 3000 })
    setLocal(errors)
    if (Object.keys(errors).length) return
    setBusy(true)
    setError(null)
    try {
      await onSubmit({ ...values, displayName: values.displayName.trim(), username: values.username.trim(), email: values.email.trim() })
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }

  const problem = humanizeProblem(error, { fields: FIELDS, rename: RENAME, messages: { 403: 'signup.refused' } })
  const errors = { ...problem.fields, ...local }
  const input = (id: keyof SignupValues, label: string, props: Record<string, unknown> = {}, hint?: string) => (
    <FormField id={id} label={label} error={errors[id]} hint={hint}>
      <input {...fieldAria(id, errors[id])} data-testid={`signup-${id}`} value={values[id]} onInput={set(id)} {...props} />
    </FormField>
  )

  return (
    <form onSubmit={submit} data-testid="signup-form" noValidate>
      <FormMessage message={problem.message} testId="signup-error" />
      {input('displayName', t('signup.displayName'), { autocomplete: 'name', maxLength: 120 }, t('signup.displayNameHint'))}
      {input('username', t('signup.username'), { autocomplete: 'username', autocapitalize: 'none', maxLength: 50, required: true }, t('signup.usernameHint'))}
      {input('email', t('signup.email'), { type: 'email', autocomplete: 'email', required: true }, t('signup.emailHint'))}
      {input('password', t('signup.password'), { type: 'password', autocomplete: 'new-password', required: true }, t('account.password.hint'))}
      <fieldset>
        <legend>{t('signup.channel')}</legend>
        <p class="muted small">{t('signup.channelHint')}</p>
        {input('channelName', t('channels.identifier'), { autocapitalize: 'none', maxLength: 50 }, t('channels.identifierHint'))}
        {input('channelDisplayName', t('channels.displayName'), { maxLength: 120 })}
      </fieldset>
      {approval && (
        <FormField id="registrationReason" label={t('signup.reason')} error={errors.registrationReason} hint={t('signup.reasonHint')}>
          <textarea {...fieldAria('registrationReason', errors.registrationReason)} data-testid="signup-registrationReason" rows={4} required
            value={values.registrationReason} onInput={set('registrationReason')} />
        </FormField>
      )}
      <p class="actions">
        <button type="button" onClick={onBack} data-testid="signup-back">{t('signup.back')}</button>
        <button type="submit" class="primary" disabled={busy} data-testid="signup-submit">{t(approval ? 'signup.sendRequest' : 'signup.create')}</button>
      </p>
    </form>
  )
}
