// The interface languages shipped with the client. Adding one: a folder like en/ with the same files, typed
// against English, an entry here and a loader in i18n.ts.
export const SHIPPED_LANGUAGES = [
  { code: 'en', name: 'English' },
  { code: 'fr', name: 'Français' }
] as const

export type LanguageCode = typeof SHIPPED_LANGUAGES[number]['code']

export const DEFAULT_LANGUAGE: LanguageCode = 'en'

export function isShippedLanguage (code: string): code is LanguageCode {
  return SHIPPED_LANGUAGES.some(language => language.code === code)
}
