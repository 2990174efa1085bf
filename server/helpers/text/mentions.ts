/** A handle written in a comment: `@name` (an account of this instance) or `@name@host`. */
export interface WrittenMention {
  name: string
  /** Lower-cased; undefined when written without a host. */
  host?: string
}

// Names as PeerTube and Mastodon allow them; a host is a domain or an address with an optional port.
const MENTION = /(?:^|[^\p{L}\p{N}_@/.])@([\p{L}\p{N}_.-]{1,100})(?:@((?:[a-z0-9-]+\.)*[a-z0-9-]+(?::\d{1,5})?))?/giu

/** The distinct handles mentioned in a text, in order of appearance, at most `max`. */
export function extractMentions (text: string, max: number): WrittenMention[] {
  const seen = new Set<string>()
  const mentions: WrittenMention[] = []
  for (const match of text.matchAll(MENTION)) {
    const name = match[1].replace(/[.-]+$/, '')
    const host = match[2]?.toLowerCase()
    const key = `${name.toLowerCase()}@${host ?? ''}`
    if (name === '' || seen.has(key)) continue
    seen.add(key)
    mentions.push({ name, host })
    if (mentions.length >= max) break
  }
  return mentions
}
