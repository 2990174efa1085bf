import { markdownToPlainText } from '../../helpers/text/markdown-text.js'
import { WEBSERVER } from '../../initializers/config/index.js'
import type { AccountModel } from '../../models/account/account.js'
import type { VideoChannelModel } from '../../models/account/video-channel.js'
import { accountClientUrl, actorAvatarUrl, channelClientUrl } from '../client-urls.js'
import type { PageTags } from './page-tags.js'

function profileTags (options: {
  name: string
  description: string | null
  url: string
  avatarUrl?: string
  actorUrl: string
  schemaType: 'Person' | 'Organization'
  feeds: { type: string, href: string, title: string }[]
}): PageTags {
  const description = markdownToPlainText(options.description, 300)
  return {
    title: options.name,
    description,
    url: options.url,
    ogType: 'profile',
    twitterCard: 'summary',
    image: options.avatarUrl ? { url: options.avatarUrl, alt: options.name } : undefined,
    alternates: [ ...options.feeds, { type: 'application/activity+json', href: options.actorUrl } ],
    jsonLd: {
      '@context': 'https://schema.org',
      '@type': 'ProfilePage',
      url: options.url,
      mainEntity: {
        '@type': options.schemaType,
        name: options.name,
        description,
        url: options.url,
        image: options.avatarUrl,
        sameAs: [ options.actorUrl ]
      }
    }
  }
}

/** Tags of a channel page. Needs the channel's actor (with images) loaded. */
export function channelPageTags (channel: VideoChannelModel): PageTags {
  return profileTags({
    name: channel.name,
    description: channel.description,
    url: channelClientUrl(channel),
    avatarUrl: actorAvatarUrl(channel.Actor),
    actorUrl: channel.Actor!.url,
    schemaType: 'Organization',
    feeds: [
      { type: 'application/rss+xml', href: `${WEBSERVER.URL}/feeds/videos.xml?videoChannelId=${channel.id}`, title: `${channel.name} - videos` },
      { type: 'application/rss+xml', href: `${WEBSERVER.URL}/feeds/podcast/videos.xml?videoChannelId=${channel.id}`, title: `${channel.name} - podcast` }
    ]
  })
}

/** Tags of an account page. Needs the account's actor (with images) loaded. */
export function accountPageTags (account: AccountModel): PageTags {
  return profileTags({
    name: account.name,
    description: account.description,
    url: accountClientUrl(account),
    avatarUrl: actorAvatarUrl(account.Actor),
    actorUrl: account.Actor!.url,
    schemaType: 'Person',
    feeds: [
      { type: 'application/rss+xml', href: `${WEBSERVER.URL}/feeds/videos.xml?accountId=${account.id}`, title: `${account.name} - videos` }
    ]
  })
}
