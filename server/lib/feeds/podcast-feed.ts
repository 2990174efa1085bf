import type { Feed } from '@peertube/feed'
import { v5 as uuidv5 } from 'uuid'
import { CONFIG, WEBSERVER } from '../../initializers/config/index.js'
import type { VideoChannelModel } from '../../models/account/video-channel.js'
import { channelPodcastTraits } from '../../models/video/queries/podcast-channel-query.js'
import { listVideoModelsWithFiles } from '../../models/video/queries/video-list-query.js'
import type { VideoModel } from '../../models/video/video.js'
import { hlsPlaylistUrls, trackerUrls } from '../video-paths.js'
import { accountClientUrl, actorAvatarUrl, channelClientUrl } from '../client-urls.js'
import { loadFeedCaptions, type FeedCaption } from './feed-captions.js'
import { feedMetadata, initFeed } from './feed-init.js'
import { commonVideoItemFields, playableFiles, videoThumbnail } from './video-feed-items.js'
import { instanceAccountId } from '../moderation/instance-account.js'

// Podcasting 2.0 (https://podcastindex.org/namespace/1.0) feed of one channel, with PeerTube's tags: podcast:guid,
// podcast:person, podcast:socialInteract, podcast:alternateEnclosure per file, podcast:transcript per caption.

/** The namespace podcast:guid values are UUIDv5 names in (from the Podcasting 2.0 specification). */
const PODCAST_GUID_NAMESPACE = 'ead4c236-bf58-58c6-a2c6-a6b28d128cb6'
const PODCAST_ITEMS = 100

/** PeerTube's categories in Apple's podcast categories (what Apple's directory accepts). */
const ITUNES_CATEGORIES: Record<number, string> = {
  1: 'Music', 2: 'TV &amp; Film', 3: 'Leisure', 4: 'Arts', 5: 'Sports', 6: 'Places &amp; Travel', 7: 'Video Games',
  8: 'Society &amp; Culture', 9: 'Comedy', 10: 'Fiction', 11: 'News', 12: 'Leisure', 13: 'Education',
  14: 'Society &amp; Culture', 15: 'Technology', 16: 'Pets &amp; Animals', 17: 'Kids &amp; Family', 18: 'Food'
}

/** podcast:guid: UUIDv5 of the feed's URL without its scheme and trailing slashes, as the specification says. */
export function podcastGuid (url: string) {
  return uuidv5(url.replace(/^[a-z]+:\/\//i, '').replace(/\/+$/, ''), PODCAST_GUID_NAMESPACE)
}

export async function buildPodcastFeed (channel: VideoChannelModel, search: string) {
  const meta = feedMetadata({ channel })
  const traits = await channelPodcastTraits(channel.id)
  // The instance's NSFW policy decides, as for anonymous visitors (podcast directories refuse unflagged NSFW).
  const nsfw = CONFIG.instance.default_nsfw_policy === 'do_not_list' ? false : undefined

  const videos = await listVideoModelsWithFiles({
    start: 0,
    count: PODCAST_ITEMS,
    sort: '-publishedAt',
    // Only the origin lists a video in its podcast, so directories do not index copies.
    isLocal: true,
    nsfw,
    channelId: channel.id,
    moderation: { excludeBlocked: true, mutedByAccountIds: [ instanceAccountId() ] }
  })

  const feed = initFeed({
    ...meta,
    // Podcast directories require a cover: the channel's avatar, else its newest episode's preview.
    imageUrl: meta.imageUrl ?? (videos[0] ? videoThumbnail(videos[0])?.url : undefined),
    resource: 'videos',
    search,
    podcast: {
      guid: podcastGuid(channel.Actor!.url),
      language: traits.language ?? 'en',
      category: traits.category !== null ? ITUNES_CATEGORIES[traits.category] : undefined,
      nsfw: nsfw !== false && traits.hasNsfw,
      person: [ { name: meta.name, href: channelClientUrl(channel), img: actorAvatarUrl(channel.Actor) } ],
      customTags: [ { name: 'podcast:txt', attributes: { purpose: 'p20url' }, value: `${WEBSERVER.URL}/feeds/podcast/videos.xml${search}` } ]
    }
  })

  const captions = await loadFeedCaptions(videos.map(v => v.id))
  for (const video of videos) addPodcastItem(feed, video, captions.get(video.id) ?? [])
  return feed
}

function addPodcastItem (feed: Feed, video: VideoModel, captions: FeedCaption[]) {
  const account = video.VideoChannel!.Account!
  const language = video.language ?? undefined
  const duration = Math.max(video.duration, 1)

  // The first medium is the enclosure: web videos (smallest first, as PeerTube), then HLS renditions.
  const files = playableFiles(video).reverse().sort((a, b) => Number(a.file.isHls()) - Number(b.file.isHls()))
  const media = files.map(({ file, formatted }) => ({
    type: file.hasVideo ? 'video/mp4' : 'audio/x-m4a',
    title: formatted.resolution.label,
    length: file.size,
    bitrate: file.size / duration * 8,
    language,
    sources: file.isHls()
      ? [ { uri: formatted.fileDownloadUrl } ]
      : [
        { uri: formatted.fileUrl },
        ...(formatted.torrentUrl ? [ { uri: formatted.torrentUrl, contentType: 'application/x-bittorrent' } ] : []),
        ...(formatted.magnetUri ? [ { uri: formatted.magnetUri } ] : [])
      ]
  }))
  const hls = video.VideoStreamingPlaylists?.[0]
  if (hls) media.push({ type: 'application/x-mpegURL', title: 'HLS', language, sources: [ { uri: hlsPlaylistUrls(video, hls).playlistUrl } ] } as typeof media[number])

  feed.addPodcastItem({
    ...commonVideoItemFields(video),
    guid: video.url,
    trackers: trackerUrls(),
    person: [ { name: account.name, href: accountClientUrl(account), img: actorAvatarUrl(account.Actor) } ],
    media,
    socialInteract: [ { uri: video.url, protocol: 'activitypub', accountUrl: accountClientUrl(account) } ],
    duration: video.duration,
    subTitle: captions.map(c => ({ url: c.url, language: c.language, type: 'text/vtt', rel: 'captions' }))
  })
}
