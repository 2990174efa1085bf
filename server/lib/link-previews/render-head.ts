import { CONFIG } from '../../initializers/config/index.js'
import type { PageTags } from './page-tags.js'

function escapeHtml (text: string) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')
}

/** JSON inside <script> must not close the element nor open a comment. */
function scriptSafeJson (value: unknown) {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')
}

function meta (attribute: 'property' | 'name', key: string, value: string | number | undefined) {
  return value === undefined || value === '' ? '' : `<meta ${attribute}="${key}" content="${escapeHtml(String(value))}" />`
}

/** The tags of a page, as HTML to put in its head. */
export function renderPageTags (tags: PageTags) {
  const og = (key: string, value: string | number | undefined) => meta('property', `og:${key}`, value)
  const twitter = (key: string, value: string | number | undefined) => meta('name', `twitter:${key}`, value)

  const lines = [
    meta('name', 'description', tags.description),
    og('type', tags.ogType),
    og('site_name', CONFIG.instance.name),
    og('title', tags.title),
    og('description', tags.description),
    og('url', tags.url),
    og('image', tags.image?.url),
    og('image:url', tags.image?.url),
    og('image:width', tags.image?.width),
    og('image:height', tags.image?.height),
    og('image:alt', tags.image?.alt),
    og('video:url', tags.embed?.url),
    og('video:secure_url', tags.embed?.url),
    og('video:type', tags.embed ? 'text/html' : undefined),
    og('video:width', tags.embed?.width),
    og('video:height', tags.embed?.height),
    twitter('card', tags.twitterCard),
    twitter('site', CONFIG.services.twitter.username),
    twitter('title', tags.title),
    twitter('description', tags.description),
    twitter('image', tags.image?.url),
    twitter('image:alt', tags.image?.alt),
    twitter('player', tags.embed?.url),
    twitter('player:width', tags.embed?.width),
    twitter('player:height', tags.embed?.height),
    tags.noindex ? meta('name', 'robots', 'noindex') : '',
    `<link rel="canonical" href="${escapeHtml(tags.url)}" />`,
    ...tags.alternates.map(a => `<link rel="alternate" type="${escapeHtml(a.type)}" href="${escapeHtml(a.href)}"` +
      (a.title ? ` title="${escapeHtml(a.title)}"` : '') + ' />'),
    `<script type="application/ld+json">${scriptSafeJson(tags.jsonLd)}</script>`
  ]
  return lines.filter(Boolean).join('\n    ')
}

/** The client's index.html with this page's title and tags in its head. */
export function renderIndexWithTags (indexHtml: string, tags: PageTags) {
  const title = `<title>${escapeHtml(`${tags.title} - ${CONFIG.instance.name}`)}</title>`
  const withTitle = indexHtml.replace(/<title>[^<]*<\/title>/, () => `${title}\n    ${renderPageTags(tags)}`)
  return withTitle === indexHtml ? indexHtml.replace('</head>', () => `${title}\n    ${renderPageTags(tags)}\n  </head>`) : withTitle
}
