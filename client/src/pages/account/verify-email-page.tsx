// /verify-account/email?userId=|registrationId=&verificationString=[&isPendingEmail=true] — the page of a verification
// link; also asks for a new link when the old one expired.
import { useEffect, useState } from 'preact/hooks'
import { askSendVerifyEmail, verifyRegistrationEmail, verifyUserEmail } from '../../api/account-recovery.js'
import { ErrorAlert } from '../../components/ErrorAlert.js'
import { useLocation } from '../../router.js'

export default function VerifyEmailPage () {
  const { query } = useLocation()
  const [state, setState] = useState<'verifying' | 'verified' | 'failed'>('verifying')
  const [error, setError] = useState<unknown>(null)
  const [email, setEmail] = useState('')
  const [resent, setResent] = useState(false)
  const secret = query.get('verificationString') ?? ''
  const userId = query.get('userId')
  const registrationId = query.get('registrationId')

  useEffect(() => {
    const verify = registrationId
      ? verifyRegistrationEmail(registrationId, secret)
      : verifyUserEmail(userId ?? '', secret, query.get('isPendingEmail') === 'true')
    verify.then(() => setState('verified'), err => { setError(err); setState('failed') })
  }, [secret])

  const resend = async (event: Event) => {
    event.preventDefault()
    await askSendVerifyEmail(email.trim()).then(() => setResent(true), setError)
  }
  return (
    <section class="narrow" data-testid="verify-email-page" data-state={state}>
      <h1>E-mail verification</h1>
      {state === 'verifying' && <p class="muted" aria-busy="true">Verifying…</p>}
      {state === 'verified' && (
        <p class="notice" role="status" data-testid="verify-email-done">
          Your address is verified. {registrationId ? 'A moderator will now review your request.' : <a href="/login">Log in</a>}
        </p>
      )}
      {state === 'failed' && (
        <>
          <ErrorAlert error={error} testId="verify-email-error" />
          {resent
            ? <p class="notice" role="status">If an unverified account has this address, a new link is on its way.</p>
            : (
              <form onSubmit={resend} class="inline-form">
                <label for="resend-email">Send a new link to</label>
                <input id="resend-email" type="email" value={email} onInput={e => setEmail((e.currentTarget as HTMLInputElement).value)} />
                <button type="submit" disabled={!email.trim()}>Send</button>
              </form>
            )}
        </>
      )}
    </section>
  )
}
