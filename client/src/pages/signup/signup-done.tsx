// After signing up: what happened and what to do now.
import { t, type MessageKey } from '../../i18n/i18n.js'

export type SignupOutcome = 'signed-in' | 'created' | 'verify-email' | 'requested' | 'requested-verify'

const TEXTS: Record<SignupOutcome, { title: MessageKey; text: MessageKey }> = {
  'signed-in': { title: 'signup.done.signedIn', text: 'signup.done.signedInText' },
  created: { title: 'signup.done.created', text: 'signup.done.createdText' },
  'verify-email': { title: 'signup.done.verify', text: 'signup.done.verifyText' },
  requested: { title: 'signup.done.requested', text: 'signup.done.requestedText' },
  'requested-verify': { title: 'signup.done.requested', text: 'signup.done.requestedVerifyText' }
}

export function SignupDone ({ outcome }: { outcome: SignupOutcome }) {
  const text = TEXTS[outcome]
  return (
    <div class="success-box" role="status" data-testid="signup-done" data-outcome={outcome}>
      <h2>{t(text.title)}</h2>
      <p>{t(text.text)}</p>
      <p class="actions">
        {outcome === 'signed-in' && <a class="button primary" href="/upload">{t('home.start.upload')}</a>}
        {outcome === 'signed-in' && <a class="button" href="/my-account">{t('menu.myAccount')}</a>}
        {outcome === 'created' && <a class="button primary" href="/login?registered=1">{t('layout.login')}</a>}
        <a class="button" href="/">{t('unavailable.backHome')}</a>
      </p>
    </div>
  )
}
