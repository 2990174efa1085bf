// Interface language: the browser's by default, or the user's choice (kept on this device).
import { chooseLanguage, currentLanguage, savedLanguageChoice, SHIPPED_LANGUAGES, t } from '../../i18n/i18n.js'
import { isShippedLanguage } from '../../i18n/languages.js'

export function LanguagePicker ({ id = 'menu-language', testId = 'language-picker' }: { id?: string; testId?: string }) {
  const choice = savedLanguageChoice()
  const onChange = (event: Event) => {
    const value = (event.currentTarget as HTMLSelectElement).value
    void chooseLanguage(isShippedLanguage(value) ? value : null)
  }
  return (
    <label class="language-picker" for={id}>
      <span>{t('layout.language')}</span>
      <select id={id} data-testid={testId} value={choice ?? 'auto'} onChange={onChange} lang={currentLanguage()}>
        <option value="auto">{t('layout.languageAuto')}</option>
        {SHIPPED_LANGUAGES.map(language => <option key={language.code} value={language.code} lang={language.code}>{language.name}</option>)}
      </select>
    </label>
  )
}
