// Remote servers (Mastodon and other microblogs) send a Note's content as HTML; comments are kept as Markdown,
// which the clients render without raw HTML. This turns that HTML into plain Markdown text: structure becomes
// line breaks, links stay links, every tag and attribute goes. Nothing of the HTML survives to be rendered.

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: '\'', nbsp: ' ', '#39': '\'' }

export function decodeHtmlEntities (text: string) {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, entity: string) => {
    const lower = entity.toLowerCase()
    if (lower.startsWith('#x')) return safeCodePoint(parseInt(lower.slice(2), 16)) ?? whole
    if (lower.startsWith('#')) return safeCodePoint(parseInt(lower.slice(1), 10)) ?? whole
    return NAMED_ENTITIES[lower] ?? whole
  })
}

function safeCodePoint (code: number) {
  if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return undefined
  return String.fromCodePoint(code)
}

function stripTags (html: string) {
  return html.replace(/<[^>]*>/g, '')
}

function attribute (tag: string, name: string) {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag)
  return match ? decodeHtmlEntities(match[1] ?? match[2] ?? match[3] ?? '') : undefined
}

/** Markdown link text must not close the link or start one. */
function escapeLinkText (text: string) {
  return text.replace(/([[\]\\])/g, '\\$1')
}

/**
 * `mentionNames` maps actor URLs to their handles (`@name@host`, from the Note's Mention tags): a mention link
 * becomes that handle, so the text keeps which actor was meant.
 */
export function htmlToMarkdown (html: string, mentionNames: Map<string, string> = new Map()) {
  let text = html
    .replace(/<(script|style|template)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    // Mastodon hides the scheme and the tail of long links in invisible spans; the href has them all.
    .replace(/<a\b([^>]*)>([\s\S]*?)<\/a\s*>/gi, (_whole, attributes: string, inner: string) => {
      const href = attribute(` ${attributes}`, 'href')
      const label = decodeHtmlEntities(stripTags(inner)).trim()
      if (!href || !/^https?:\/\//i.test(href)) return label
      const mention = mentionNames.get(href)
      if (mention) return mention
      if (label.startsWith('@') || label.startsWith('#')) return label
      const bareHref = href.replace(/^https?:\/\//i, '')
      if (label === '' || label === href || bareHref.startsWith(label.replace(/…$/, ''))) return href
      return `[${escapeLinkText(label)}](${href.replace(/[()\s]/g, encodeURIComponent)})`
    })
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<li\b[^>]*>/gi, '\n- ')
    .replace(/<\/(p|div|blockquote|h[1-6]|ul|ol|pre)\s*>/gi, '\n\n')
    .replace(/<(p|div|blockquote|h[1-6]|ul|ol|pre)\b[^>]*>/gi, '\n\n')

  text = decodeHtmlEntities(stripTags(text))
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

/** Whether a Note's content is HTML: its mediaType says so, or (Mastodon sends none) it carries tags. */
export function isHtmlContent (content: string, mediaType: unknown) {
  if (mediaType === 'text/markdown' || mediaType === 'text/plain') return false
  if (mediaType === 'text/html') return true
  return /<[a-z][^>]*>/i.test(content)
}
