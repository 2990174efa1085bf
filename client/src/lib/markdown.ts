// Renders user-written Markdown (video descriptions, channel bios) to HTML that is safe to inject:
// markdown-it with raw HTML disabled, then DOMPurify as a second, independent barrier.
import DOMPurify from 'dompurify'
import MarkdownIt from 'markdown-it'

const markdown = new MarkdownIt({ html: false, linkify: true, breaks: true })

const purifyConfig = {
  ALLOWED_TAGS: ['a', 'p', 'br', 'strong', 'em', 'del', 's', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
  ALLOWED_ATTR: ['href', 'title'],
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|\/|#)/i
}

let hooksInstalled = false

function installHooks (): void {
  if (hooksInstalled) return
  hooksInstalled = true
  // Links written by uploaders leave the site in a new tab and pass no referrer or opener.
  DOMPurify.addHook('afterSanitizeAttributes', node => {
    if (node.tagName === 'A' && node.getAttribute('href')) {
      node.setAttribute('target', '_blank')
      node.setAttribute('rel', 'noopener noreferrer nofollow')
    }
  })
}

// Comments are conversation, not documents: no headings or rules, the rest as for descriptions.
const COMMENT_TAGS = purifyConfig.ALLOWED_TAGS.filter(tag => !/^h[1-6]$|^hr$/.test(tag))

export type MarkdownSubset = 'document' | 'comment'

export function renderMarkdown (source: string | null | undefined, subset: MarkdownSubset = 'document'): string {
  if (!source) return ''
  installHooks()
  const html = markdown.render(source)
  const tags = subset === 'comment' ? COMMENT_TAGS : purifyConfig.ALLOWED_TAGS
  return DOMPurify.sanitize(html, { ...purifyConfig, ALLOWED_TAGS: tags, ADD_ATTR: ['target', 'rel'] }) as unknown as string
}
