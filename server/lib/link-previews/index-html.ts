import { readFile, stat } from 'node:fs/promises'
import { logger } from '../../helpers/logger.js'
import { renderIndexWithTags } from './render-head.js'
import { pageTagsForPath } from './tags-for-path.js'

// The client's index.html is read once and again only when a new build replaces it.
let cached: { path: string, mtimeMs: number, html: string } | undefined

async function readIndex (path: string) {
  const { mtimeMs } = await stat(path)
  if (cached?.path !== path || cached.mtimeMs !== mtimeMs) cached = { path, mtimeMs, html: await readFile(path, 'utf8') }
  return cached.html
}

/**
 * index.html for a client page, with the page's link preview tags in its head when it describes a video, a
 * channel or an account. A failure to build the tags never breaks the page: it is served plain.
 */
export async function indexHtmlFor (indexPath: string, requestPath: string) {
  const html = await readIndex(indexPath)
  try {
    const tags = await pageTagsForPath(requestPath)
    return tags ? renderIndexWithTags(html, tags) : html
  } catch (err) {
    logger.warn('Cannot build the link preview tags of a page', { err, path: requestPath })
    return html
  }
}
