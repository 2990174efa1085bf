// Sentences with markup inside ("I accept the {terms}" where {terms} is a link): the translation keeps the word
// order of its language and the component fills the slots.
import type { ComponentChildren } from 'preact'
import { t, type MessageKey, type Params } from './i18n.js'

export function Trans ({ k, params, slots }: { k: MessageKey; params?: Params; slots: Record<string, ComponentChildren> }) {
  const text = t(k, params)
  const parts: ComponentChildren[] = []
  let last = 0
  for (const match of text.matchAll(/\{(\w+)\}/g)) {
    const name = match[1]
    if (!(name in slots)) continue
    parts.push(text.slice(last, match.index))
    parts.push(slots[name])
    last = (match.index ?? 0) + match[0].length
  }
  parts.push(text.slice(last))
  return <>{parts}</>
}
