// /verify-account/email?userId=|registrationId=&verificationString=[&isPendingEmail=true] — the page of a verification
// link. Without a link (from the login page: "your address is not confirmed"), or when the link expired, it asks
// for a new one.
import { useEffect, useState } from 'preact/hooks'
import { askSendVerifyEmail, verifyRegistrationEmail, verifyUserEmail } from '../../api/account-recovery.js'
import { FormMessage } from '../../components/ErrorAlert.js'
import { FormField, fieldAria } from '../../components/FormField.js'
import { humanizeProblem } from '../../errors/problem-sentences.js'
import { t } from '../../i18n/i18n.js'
import { refreshUser, sessionStore } from '../../lib/session.js'
import { useStore } from '../../lib/store.js'
import { useLocation } from '../../router.js'

type State = 'verifying' | 'verified' | 'failed' | 'ask'

function ResendForm () {
  const [email, setEmail] = useState('')
  const [sent, setSent] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const submit = async (event: Event) => {
    event.preventDefault()
    setError(null)
    try {
      await askSendVerifyEmail(email.trim())
      setSent(true)
    } catch (err) {
      setError(err)
    }
  }
  const problem = humanizeProblem(error, { fields: [ 'email' ] })
  if (sent) return <p class="notice" role="status" data-testid="verify-email-resent">{t('recovery.verify.resent')}</p>
  return (
    <form onSubmit={submit} data-testid="verify-email-resend-form" noValidate>
      <FormMessage message={problem.message} />
      <FormField id="resend-email" label={t('recovery.verify.resendLabel')} error={problem.fields.email}>
        <input {...fieldAria('resend-email', problem.fields.email)} type="email" autocomplete="email" value={email} data-testid="verify-email-resend-input"
          onInput={e => setEmail((e.currentTarget as HTMLInputElement).value)} />
      </FormField>
      <button type="submit" class="primary" disabled={!email.trim()} data-testid="verify-email-resend">{t('recovery.verify.resend')}</button>
    </form>
  )
}

export default function VerifyEmailPage () {
  const { query } = useLocation()
  const { user } = useStore(sessionStore)
  const secret = query.get('verificationString') ?? ''
  const userId = query.get('userId')
  const registrationId = query.get('registrationId')
  const pending = query.get('isPendingEmail') === 'true'
  const [state, setState] = useState<State>(secret && (userId || registrationId) ? 'verifying' : 'ask')
  const [error, setError] = useState<unknown>(null)

  useEffect(() => {
    if (state !== 'verifying') return
    const verify = registrationId ? verifyRegistrationEmail(registrationId, secret) : verifyUserEmail(userId ?? '', secret, pending)
    verify.then(() => {
      setState('verified')
      // A new address of a signed-in user replaces the old one at once.
      if (pending) void refreshUser()
    }, err => { setError(err); setState('failed') })
  }, [secret])

  const problem = humanizeProblem(error, { messages: { 403: 'recovery.verify.badLink', 404: 'recovery.verify.badLink' } })
  return (
    <section class="narrow" data-testid="verify-email-page" data-state={state}>
      <h1>{t('recovery.verify.title')}</h1>
      {state === 'verifying' && <p class="muted" aria-busy="true">{t('recovery.verify.verifying')}</p>}
      {state === 'verified' && (
        <p class="notice" role="status" data-testid="verify-email-done">
          {t('recovery.verify.done')}{' '}
          {registrationId ? t('recovery.verify.doneRegistration') : user ? <a href="/my-account#email">{t('menu.myAccount')}</a> : <a href="/login">{t('layout.login')}</a>}
        </p>
      )}
      {state === 'failed' && <FormMessage message={problem.message} testId="verify-email-error" />}
      {state === 'ask' && <p class="muted">{t('recovery.verify.askIntro')}</p>}
      {(state === 'failed' || state === 'ask') && <ResendForm />}
    </section>
  )
}
