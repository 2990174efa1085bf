import { markdownToPlainText } from '../../helpers/text/markdown-text.js'
import { WEBSERVER } from '../../initializers/config/index.js'
import { listSitemapActors, listSitemapVideos } from '../../models/video/queries/sitemap-query.js'
import { accountClientUrl, channelClientUrl, videoEmbedUrl, videoWatchUrl } from '../client-urls.js'
import { videoThumbnail } from '../feeds/video-feed-items.js'

function escapeXml (text: string) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;')
}

const tag = (name: string, value: string | number) => `<${name}>${escapeXml(String(value))}</${name}>`

/** sitemaps.org urlset with Google's video extension: the home page, local channels, accounts and public videos. */
export async function buildSitemap () {
  const [ videos, { channels, accounts } ] = await Promise.all([ listSitemapVideos(), listSitemapActors() ])
  const urls: string[] = [ `<url>${tag('loc', WEBSERVER.URL + '/')}</url>` ]

  for (const channel of channels) urls.push(`<url>${tag('loc', channelClientUrl(channel))}</url>`)
  for (const account of accounts) urls.push(`<url>${tag('loc', accountClientUrl(account))}</url>`)
  for (const video of videos) {
    const thumbnail = videoThumbnail(video)
    urls.push('<url>' + tag('loc', videoWatchUrl(video)) + tag('lastmod', video.updatedAt.toISOString()) +
      '<video:video>' +
      (thumbnail ? tag('video:thumbnail_loc', thumbnail.url) : '') +
      tag('video:title', video.name) +
      tag('video:description', markdownToPlainText(video.description, 2048) || video.name) +
      tag('video:player_loc', videoEmbedUrl(video)) +
      tag('video:duration', video.duration) +
      tag('video:view_count', video.views) +
      tag('video:publication_date', video.publishedAt.toISOString()) +
      tag('video:family_friendly', video.nsfw ? 'no' : 'yes') +
      '</video:video></url>')
  }

  return '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:video="http://www.google.com/schemas/sitemap-video/1.1">\n' +
    urls.join('\n') + '\n</urlset>\n'
}
