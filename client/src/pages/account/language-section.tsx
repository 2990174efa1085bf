// The interface language: the browser's, or one chosen here (kept on this device).
import { LanguagePicker } from '../../app/layout/LanguagePicker.js'
import { t } from '../../i18n/i18n.js'

export function LanguageSection () {
  return (
    <div>
      <LanguagePicker id="account-language" testId="setting-language" />
      <p class="muted small">{t('account.language.hint')}</p>
    </div>
  )
}
