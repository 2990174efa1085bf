import { VideoPrivacy } from '../../../shared/models/videos.js'
import { CONFIG, WEBSERVER } from '../../initializers/config/index.js'
import type { VideoModel } from '../../models/video/video.js'
import { accountClientUrl, videoEmbedUrl } from '../client-urls.js'
import { videoThumbnail } from '../feeds/video-feed-items.js'
import { HttpProblem, invalidField, notFound } from '../http-problems/http-problem.js'
import { loadVideo } from '../videos/video-loader.js'
import { EMBED_SIZE } from './page-tags.js'
import { isPreviewable } from './video-page.js'

const WATCH_PATH = /^\/(?:w|videos\/watch)\/([^/]+)\/?$/

function escapeAttribute (text: string) {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** The video a watch URL of this instance points at; anything else is a 400 naming `url`. */
export async function loadVideoOfWatchUrl (url: string) {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw invalidField('query', 'url', 'Should have a valid URL', url)
  }
  const match = WATCH_PATH.exec(parsed.pathname)
  if (parsed.host !== WEBSERVER.HOST || !match || match[1] === 'p' || match[1] === 'playlist') {
    throw invalidField('query', 'url', `Should be the URL of a video page of ${WEBSERVER.HOST}`, url)
  }

  const video = await loadVideo(decodeURIComponent(match[1]), 'summary')
  // Unlisted videos are embeddable by their UUID (whoever has the link may share it), never by numeric id.
  if (!video || !isPreviewable(video) || (/^\d+$/.test(match[1]) && video.privacy !== VideoPrivacy.PUBLIC)) {
    throw notFound('Video not found')
  }
  return video
}

/** OEmbed 1.0 (`video` type): an iframe of the embed page, within maxwidth × maxheight when the consumer gives them. */
export function buildVideoOEmbed (video: VideoModel, options: { maxwidth?: number, maxheight?: number, format?: string }) {
  if (options.format === 'xml') throw new HttpProblem({ status: 501, detail: 'Only the json format is implemented' })

  const width = Math.min(EMBED_SIZE.width, options.maxwidth ?? EMBED_SIZE.width)
  const height = Math.min(EMBED_SIZE.height, options.maxheight ?? EMBED_SIZE.height)
  const account = video.VideoChannel!.Account!
  const thumbnail = videoThumbnail(video)
  const html = `<iframe width="${width}" height="${height}" sandbox="allow-same-origin allow-scripts allow-popups allow-forms" ` +
    `title="${escapeAttribute(video.name)}" src="${escapeAttribute(videoEmbedUrl(video))}" frameborder="0" allowfullscreen></iframe>`

  return {
    type: 'video',
    version: '1.0',
    html,
    width,
    height,
    title: video.name,
    author_name: account.name,
    author_url: accountClientUrl(account),
    provider_name: CONFIG.instance.name,
    provider_url: WEBSERVER.URL,
    ...(thumbnail ? { thumbnail_url: thumbnail.url, thumbnail_width: thumbnail.width, thumbnail_height: thumbnail.height } : {})
  }
}
