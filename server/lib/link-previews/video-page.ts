import { VideoPrivacy } from '../../../shared/models/videos.js'
import { markdownToPlainText } from '../../helpers/text/markdown-text.js'
import { WEBSERVER } from '../../initializers/config/index.js'
import type { VideoModel } from '../../models/video/video.js'
import { accountClientUrl, videoEmbedUrl, videoWatchUrl } from '../client-urls.js'
import { videoThumbnail } from '../feeds/video-feed-items.js'
import { EMBED_SIZE, type PageTags } from './page-tags.js'

/** Whether a video's page may describe it to anyone: public or unlisted (shared by link), published, not blocked. */
export function isPreviewable (video: VideoModel) {
  const shareable = video.privacy === VideoPrivacy.PUBLIC || video.privacy === VideoPrivacy.UNLISTED
  return shareable && video.isPlayable() && !video.VideoBlacklist
}

export function oembedUrlFor (watchUrl: string) {
  return `${WEBSERVER.URL}/services/oembed?url=${encodeURIComponent(watchUrl)}`
}

/** Tags of a watch page. Needs the video's channel, account and thumbnails loaded. */
export function videoPageTags (video: VideoModel): PageTags {
  const watchUrl = videoWatchUrl(video)
  const embedUrl = videoEmbedUrl(video)
  const account = video.VideoChannel!.Account!
  const thumbnail = videoThumbnail(video)
  const description = markdownToPlainText(video.description, 300)

  return {
    title: video.name,
    description,
    url: watchUrl,
    ogType: 'video',
    twitterCard: 'player',
    image: thumbnail ? { ...thumbnail, alt: video.name } : undefined,
    embed: { url: embedUrl, ...EMBED_SIZE },
    noindex: video.privacy !== VideoPrivacy.PUBLIC,
    alternates: [
      { type: 'application/json+oembed', href: oembedUrlFor(watchUrl), title: video.name },
      { type: 'application/rss+xml', href: `${WEBSERVER.URL}/feeds/video-comments.xml?videoId=${video.uuid}`, title: `${video.name} - comments` },
      ...(video.remote ? [] : [ { type: 'application/activity+json', href: video.url } ])
    ],
    jsonLd: {
      '@context': 'https://schema.org',
      '@type': 'VideoObject',
      name: video.name,
      description,
      thumbnailUrl: thumbnail ? [ thumbnail.url ] : [],
      uploadDate: video.publishedAt.toISOString(),
      duration: `PT${video.duration}S`,
      embedUrl,
      url: watchUrl,
      isFamilyFriendly: !video.nsfw,
      inLanguage: video.language ?? undefined,
      author: { '@type': 'Person', name: account.name, url: accountClientUrl(account) },
      interactionStatistic: {
        '@type': 'InteractionCounter',
        interactionType: { '@type': 'WatchAction' },
        userInteractionCount: video.views
      }
    }
  }
}
