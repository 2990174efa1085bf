// Labels of the server's constants (categories, licences, privacies, states, roles) in the interface language.
// The server sends English labels; ids are PeerTube's, so they are translated here by id. Languages are named by
// the browser itself (Intl.DisplayNames).
import type { IdLabel } from '../../../shared/models/client-common.js'
import { VideoPrivacy } from '../../../shared/models/client-video.js'
import { currentLanguage, t, tOr } from '../i18n/i18n.js'

export type ConstantKind = 'category' | 'licence' | 'privacy' | 'state' | 'role'

export function constantLabel (kind: ConstantKind, value: IdLabel<number | null> | null | undefined): string {
  if (!value || value.id === null || value.id === undefined) return t('common.none')
  return tOr(`${kind}.${value.id}`, value.label)
}

let languageNames: Intl.DisplayNames | null = null
let namesLanguage = ''

export function languageLabel (value: IdLabel<string | null> | { id: string | null; label?: string } | null | undefined): string {
  if (!value?.id) return t('common.none')
  try {
    if (!languageNames || namesLanguage !== currentLanguage()) {
      languageNames = new Intl.DisplayNames([ currentLanguage() ], { type: 'language', fallback: 'none' })
      namesLanguage = currentLanguage()
    }
    const name = languageNames.of(value.id)
    if (name) return name.charAt(0).toLocaleUpperCase(currentLanguage()) + name.slice(1)
  } catch {
    // Codes Intl does not know (PeerTube lists a few sign languages by their own codes).
  }
  return value.label ?? value.id
}

/** Options of a select from a server table (`{ "1": "Music", ... }`), translated and sorted by label. */
export function constantOptions (kind: 'category' | 'licence', table: Record<string, string> | undefined) {
  return Object.entries(table ?? {})
    .map(([ id, label ]) => ({ id, label: constantLabel(kind, { id: Number(id), label }) }))
    .sort((a, b) => a.label.localeCompare(b.label, currentLanguage()))
}

export function languageOptions (table: Record<string, string> | undefined) {
  return Object.entries(table ?? {})
    .map(([ id, label ]) => ({ id, label: languageLabel({ id, label }) }))
    .sort((a, b) => a.label.localeCompare(b.label, currentLanguage()))
}

/** Privacy choices offered in forms (password-protected videos are not supported by this client yet). */
export function privacyOptions () {
  return [ VideoPrivacy.PUBLIC, VideoPrivacy.UNLISTED, VideoPrivacy.PRIVATE, VideoPrivacy.INTERNAL ]
    .map(id => ({ id, label: constantLabel('privacy', { id, label: '' }), hint: t(`privacy.hint.${id}` as Parameters<typeof t>[0]) }))
}
