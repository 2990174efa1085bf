import type { Feed } from '@peertube/feed'
import { markdownToPlainText, markdownToSafeHtml } from '../../helpers/text/markdown-text.js'
import { WEBSERVER } from '../../initializers/config/index.js'
import { LAZY_STATIC_PATHS } from '../../initializers/constants/static-paths.js'
import { THUMBNAIL_TYPE, VIDEO_CATEGORIES } from '../../initializers/constants/videos.js'
import { formatVideoFile } from '../../models/video/formatters/video-file-formatter.js'
import type { VideoModel } from '../../models/video/video.js'
import { accountClientUrl, videoEmbedUrl, videoWatchUrl } from '../client-urls.js'
import type { FeedCaption } from './feed-captions.js'

/** Every playable file of a video, web videos first (feed readers take the first as the default). */
export function playableFiles (video: VideoModel) {
  const web = [ ...(video.VideoFiles ?? []) ].sort((a, b) => b.resolution - a.resolution)
  const hls = (video.VideoStreamingPlaylists ?? []).flatMap(p => p.VideoFiles ?? []).sort((a, b) => b.resolution - a.resolution)
  return [ ...web, ...hls ].map(file => ({ file, formatted: formatVideoFile(video, file) }))
}

export function videoThumbnail (video: VideoModel) {
  const preview = video.Thumbnails?.find(t => t.type === THUMBNAIL_TYPE.PREVIEW) ?? video.Thumbnails?.find(t => t.type === THUMBNAIL_TYPE.MINIATURE)
  if (!preview) return undefined
  const path = (preview.type === THUMBNAIL_TYPE.MINIATURE ? LAZY_STATIC_PATHS.THUMBNAILS : LAZY_STATIC_PATHS.PREVIEWS) + preview.filename
  return { url: WEBSERVER.URL + path, width: preview.width ?? undefined, height: preview.height ?? undefined }
}

/** What RSS/Atom/JSON items and podcast items share. */
export function commonVideoItemFields (video: VideoModel) {
  const thumbnail = videoThumbnail(video)
  return {
    title: video.name,
    link: videoWatchUrl(video),
    description: markdownToPlainText(video.description, 250),
    content: markdownToSafeHtml(video.description),
    date: video.publishedAt,
    nsfw: video.nsfw,
    categories: video.category !== null
      ? [ { value: video.category, label: VIDEO_CATEGORIES[video.category] ?? 'Unknown' } ]
      : undefined,
    thumbnails: thumbnail ? [ { url: thumbnail.url, width: thumbnail.width ?? 0, height: thumbnail.height ?? 0 } ] : []
  }
}

/** One item per video, with Media RSS: files, torrents, player, embed, views, captions. */
export function addVideoItems (feed: Feed, videos: VideoModel[], captions: Map<number, FeedCaption[]>) {
  for (const video of videos) {
    const account = video.VideoChannel!.Account!
    const files = playableFiles(video)

    feed.addItem({
      ...commonVideoItemFields(video),
      id: video.url,
      guid: video.url,
      author: [ { name: account.name, link: accountClientUrl(account) } ],
      torrents: files.filter(f => f.formatted.torrentUrl).map(({ formatted }) => ({
        title: `${video.name}-${formatted.resolution.label}`,
        url: formatted.torrentUrl!,
        size_in_bytes: formatted.size
      })),
      videos: files.map(({ file, formatted }) => ({
        type: file.hasVideo ? 'video/mp4' : 'audio/mp4',
        medium: file.hasVideo ? 'video' : 'audio',
        height: file.height ?? file.resolution,
        fileSize: file.size,
        url: formatted.fileUrl,
        framerate: file.fps,
        duration: video.duration
      })),
      embed: { url: videoEmbedUrl(video), allowFullscreen: true },
      player: { url: videoWatchUrl(video) },
      community: { statistics: { views: video.views } },
      subTitle: (captions.get(video.id) ?? []).map(c => ({ type: 'text/vtt', lang: c.language, href: c.url }))
    })
  }
}
