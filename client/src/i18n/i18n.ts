// The one translation layer: every string the client shows goes through t() (or tn() for counts). English is
// bundled; other languages load on demand before the first render. See client/README.md, "Translations".
import { createStore } from '../lib/store.js'
import { en, type Catalog, type MessageKey } from './en/index.js'
import { DEFAULT_LANGUAGE, isShippedLanguage, SHIPPED_LANGUAGES, type LanguageCode } from './languages.js'

export type { MessageKey } from './en/index.js'
export type Params = Record<string, string | number>

/** Keys that come in plural forms: `<base>.one`, `<base>.other` (and any other CLDR category a language needs). */
export type PluralKey = { [K in MessageKey]: K extends `${infer Base}.other` ? Base : never }[MessageKey]

/** Where the user's choice is kept ("auto" or absent: follow the browser). */
const STORAGE_KEY = 'tubeless.language'

const LOADERS: Record<LanguageCode, () => Promise<Catalog>> = {
  en: async () => en,
  fr: () => import('./fr/index.js').then(module => module.fr)
}

let catalog: Catalog = en
let pluralRules = new Intl.PluralRules(DEFAULT_LANGUAGE)

/** The language pages are shown in. Components re-render when it changes (the app remounts under a new key). */
export const languageStore = createStore<LanguageCode>(DEFAULT_LANGUAGE)

export function currentLanguage (): LanguageCode {
  return languageStore.get()
}

/** `Hello {name}` + { name: 'Ada' } -> `Hello Ada`; unknown placeholders stay as they are. */
export function interpolate (template: string, params?: Params): string {
  if (!params) return template
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole))
}

export function t (key: MessageKey, params?: Params): string {
  return interpolate(catalog[key] ?? en[key] ?? key, params)
}

/** A count in words: tn('video.views', 3) reads `video.views.other` ("{count} views"); {count} is formatted. */
export function tn (base: PluralKey, count: number, params?: Params): string {
  const category = pluralRules.select(count)
  const key = (`${base}.${category}` in catalog ? `${base}.${category}` : `${base}.other`) as MessageKey
  return t(key, { count: formatNumber(count), ...params })
}

/** A translation for a key built at run time (server constants: `category.3`), or the fallback text. */
export function tOr (key: string, fallback: string, params?: Params): string {
  const template = (catalog as Record<string, string>)[key] ?? (en as Record<string, string>)[key]
  return template === undefined ? fallback : interpolate(template, params)
}

export function formatNumber (n: number): string {
  return n.toLocaleString(currentLanguage())
}

/** The language the browser asks for, if we ship it ("fr-CA" -> "fr"). */
export function browserLanguage (languages: readonly string[] = navigator.languages ?? [ navigator.language ]): LanguageCode | null {
  for (const tag of languages) {
    const base = tag.toLowerCase().split('-')[0]
    if (isShippedLanguage(base)) return base
  }
  return null
}

/** The user's choice on this device: a language code, or null to follow the browser. */
export function savedLanguageChoice (): LanguageCode | null {
  try {
    const saved = localStorage.getItem(STORAGE_KEY)
    return saved && isShippedLanguage(saved) ? saved : null
  } catch {
    return null
  }
}

export function resolveLanguage (): LanguageCode {
  return savedLanguageChoice() ?? browserLanguage() ?? DEFAULT_LANGUAGE
}

async function applyLanguage (language: LanguageCode): Promise<void> {
  catalog = await LOADERS[language]()
  pluralRules = new Intl.PluralRules(language)
  document.documentElement.lang = language
  languageStore.set(language)
}

/** Loads the language to show before the first render. A catalog that fails to load leaves English. */
export async function initI18n (): Promise<void> {
  await applyLanguage(resolveLanguage()).catch(() => applyLanguage(DEFAULT_LANGUAGE))
}

/** Saves the user's choice (null: follow the browser) and switches to it. */
export async function chooseLanguage (choice: LanguageCode | null): Promise<void> {
  try {
    if (choice) localStorage.setItem(STORAGE_KEY, choice)
    else localStorage.removeItem(STORAGE_KEY)
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  await applyLanguage(choice ?? browserLanguage() ?? DEFAULT_LANGUAGE)
}

export { SHIPPED_LANGUAGES }
