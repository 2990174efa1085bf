import { Feed } from '@peertube/feed'
import type { CustomTag, Person } from '@peertube/feed/lib/typings/index.js'
import { markdownToPlainText } from '../../helpers/text/markdown-text.js'
import { CONFIG, WEBSERVER } from '../../initializers/config/index.js'
import { accountClientUrl, actorAvatarUrl, channelClientUrl } from '../client-urls.js'
import type { FeedOwner } from './feed-owner.js'

export type FeedResource = 'videos' | 'video-comments' | 'subscriptions'

/** Title, description, link and image of a feed: its channel's or account's, else the instance's. */
export function feedMetadata (owner: FeedOwner) {
  if (owner.channel) {
    const link = channelClientUrl(owner.channel)
    return { name: owner.channel.name, description: owner.channel.description ?? '', link, imageUrl: actorAvatarUrl(owner.channel.Actor) }
  }
  if (owner.account) {
    const link = accountClientUrl(owner.account)
    return { name: owner.account.name, description: owner.account.description ?? '', link, imageUrl: actorAvatarUrl(owner.account.Actor) }
  }
  return { name: CONFIG.instance.name, description: CONFIG.instance.description, link: WEBSERVER.URL, imageUrl: undefined }
}

export interface FeedInit {
  name: string
  description: string
  link: string
  imageUrl?: string
  resource: FeedResource
  /** The request's query string (with its '?'), so the alternate links keep the same filters. */
  search: string
  podcast?: {
    guid: string
    language: string
    category?: string
    nsfw: boolean
    person: Person[]
    customTags: CustomTag[]
  }
}

export function initFeed (init: FeedInit) {
  const base = `${WEBSERVER.URL}/feeds/${init.resource}`
  const feed = new Feed({
    title: init.name,
    description: markdownToPlainText(init.description),
    id: init.link,
    link: init.link,
    image: init.imageUrl,
    copyright: `All rights reserved, unless otherwise specified in the terms at ${WEBSERVER.URL}/about and the licences ` +
      'each video\'s rightholder grants.',
    generator: `Tubeless - ${WEBSERVER.URL}`,
    medium: 'video',
    nsfw: init.podcast?.nsfw ?? false,
    feedLinks: {
      json: `${base}.json${init.search}`,
      atom: `${base}.atom${init.search}`,
      rss: init.podcast ? `${WEBSERVER.URL}/feeds/podcast/videos.xml${init.search}` : `${base}.xml${init.search}`
    },
    ...(init.podcast
      ? {
        guid: init.podcast.guid,
        language: init.podcast.language,
        person: init.podcast.person,
        author: { name: CONFIG.instance.name, link: WEBSERVER.URL },
        customTags: init.podcast.customTags
      }
      : {})
  })
  if (init.podcast?.category) feed.addCategory(init.podcast.category)
  return feed
}
