// The instance's rules, shown before anything is asked: terms, code of conduct, moderation, minimum age.
import { useState } from 'preact/hooks'
import type { AboutConfig } from '../../../../shared/models/client-server.js'
import { Markdown } from '../../components/Markdown.js'
import { t } from '../../i18n/i18n.js'

export function SignupTerms ({ about, minimumAge, approval, onAccept }: { about: AboutConfig | null; minimumAge: number; approval: boolean; onAccept: () => void }) {
  const [accepted, setAccepted] = useState(false)
  const instance = about?.instance
  const texts = [
    { id: 'terms', title: t('about.terms'), text: instance?.terms },
    { id: 'code-of-conduct', title: t('about.codeOfConduct'), text: instance?.codeOfConduct },
    { id: 'moderation', title: t('about.moderation'), text: instance?.moderationInformation }
  ].filter(part => part.text?.trim())

  return (
    <form onSubmit={e => { e.preventDefault(); if (accepted) onAccept() }} data-testid="signup-terms">
      {approval && <p class="notice" data-testid="signup-approval-notice">{t('signup.approvalNotice')}</p>}
      {instance?.shortDescription && <p class="lead">{instance.shortDescription}</p>}
      {texts.length === 0 && <p class="muted">{t('signup.noRules')}</p>}
      {texts.map(part => (
        <div class="rules" key={part.id} data-testid={`signup-rules-${part.id}`}>
          <h2>{part.title}</h2>
          <Markdown source={part.text} />
        </div>
      ))}
      <label class="inline">
        <input type="checkbox" checked={accepted} onChange={() => setAccepted(!accepted)} data-testid="signup-accept" />
        {' '}{t('signup.accept', { age: minimumAge })}
      </label>
      <p class="actions">
        <button type="submit" class="primary" disabled={!accepted} data-testid="signup-next">{t('signup.next')}</button>
      </p>
    </form>
  )
}
