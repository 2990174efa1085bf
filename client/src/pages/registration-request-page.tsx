// /signup/request — asking to join an instance whose sign-ups need a moderator's approval.
import { useState } from 'preact/hooks'
import { requestRegistration } from '../api/moderation.js'
import { ErrorAlert } from '../components/ErrorAlert.js'
import { FormField, fieldAria, fieldErrorsOf, formErrorOf } from '../components/FormField.js'
import { configStore } from '../lib/session.js'
import { useStore } from '../lib/store.js'

const FIELDS = ['username', 'email', 'password', 'displayName', 'registrationReason']
const IDS: Record<string, string> = Object.fromEntries(FIELDS.map(f => [f, `registration-${f}`]))

export default function RegistrationRequestPage () {
  const config = useStore(configStore)
  const [values, setValues] = useState<Record<string, string>>({ username: '', email: '', password: '', displayName: '', registrationReason: '' })
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [sent, setSent] = useState(false)

  if (config && (!config.signup?.allowed || !config.signup.requiresApproval)) {
    return (
      <section class="narrow" data-testid="registration-closed">
        <h1>Request an account</h1>
        <p>{config.signup?.allowed ? 'This instance does not need approval: you can sign up directly.' : 'This instance does not accept new accounts at the moment.'}</p>
      </section>
    )
  }

  const set = (field: string) => (e: Event) => setValues(v => ({ ...v, [field]: (e.currentTarget as HTMLInputElement).value }))
  const submit = async (event: Event) => {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      await requestRegistration({
        username: values.username.trim(),
        email: values.email.trim(),
        password: values.password,
        displayName: values.displayName.trim() || undefined,
        registrationReason: values.registrationReason
      })
      setSent(true)
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }

  if (sent) {
    return (
      <section class="narrow">
        <h1>Request sent</h1>
        <p class="success" role="status" data-testid="registration-sent">A moderator will review your request. You can log in once it is accepted.</p>
      </section>
    )
  }

  const errors = fieldErrorsOf(error, IDS)
  const formError = formErrorOf(error, FIELDS)
  const field = (name: string, label: string, props: Record<string, unknown> = {}) => (
    <FormField id={IDS[name]} label={label} error={errors[IDS[name]]}>
      <input {...fieldAria(IDS[name], errors[IDS[name]])} {...props} data-testid={IDS[name]} value={values[name]} onInput={set(name)} />
    </FormField>
  )
  return (
    <section class="narrow">
      <h1>Request an account</h1>
      <p class="muted">Sign-ups on this instance are reviewed by its moderators.{config?.signup?.minimumAge ? ` You must be at least ${config.signup.minimumAge}.` : ''}</p>
      <form onSubmit={submit} noValidate data-testid="registration-form">
        {formError && <ErrorAlert error={new Error(formError)} testId="registration-error" />}
        {field('username', 'Username', { autocomplete: 'username', required: true })}
        {field('displayName', 'Display name (optional)')}
        {field('email', 'Email', { type: 'email', autocomplete: 'email', required: true })}
        {field('password', 'Password', { type: 'password', autocomplete: 'new-password', required: true })}
        <FormField id={IDS.registrationReason} label="Why do you want to join?" error={errors[IDS.registrationReason]}>
          <textarea {...fieldAria(IDS.registrationReason, errors[IDS.registrationReason])} rows={3} required data-testid={IDS.registrationReason}
            value={values.registrationReason} onInput={set('registrationReason')} />
        </FormField>
        <button type="submit" class="primary" disabled={busy} data-testid="registration-submit">{busy ? 'Sending…' : 'Send the request'}</button>
      </form>
    </section>
  )
}
