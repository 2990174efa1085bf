import MarkdownIt from 'markdown-it'
import { decodeHtmlEntities } from './html-to-markdown.js'

// Descriptions are Markdown. Feeds carry them as safe HTML (content) and as one line of plain text (summary).

const markdown = new MarkdownIt({ html: false, linkify: true, breaks: true })

/** Markdown to HTML; raw HTML in the source is escaped, not kept. */
export function markdownToSafeHtml (text: string | null | undefined) {
  return text ? markdown.render(text) : ''
}

/** Markdown to plain text on one line, for summaries and meta tags. */
export function markdownToPlainText (text: string | null | undefined, maxLength?: number) {
  if (!text) return ''
  const plain = decodeHtmlEntities(markdown.render(text).replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim()
  if (maxLength === undefined || plain.length <= maxLength) return plain
  return plain.slice(0, maxLength - 1).trimEnd() + '…'
}
