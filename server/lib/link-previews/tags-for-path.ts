import { VideoPrivacy } from '../../../shared/models/videos.js'
import { AccountModel } from '../../models/account/account.js'
import { VideoChannelModel } from '../../models/account/video-channel.js'
import { loadVideo } from '../videos/video-loader.js'
import { accountPageTags, channelPageTags } from './actor-pages.js'
import type { PageTags } from './page-tags.js'
import { isPreviewable, videoPageTags } from './video-page.js'

// Client pages whose head describes what they show. Any other page keeps the client's plain index.html.
const VIDEO_PAGE = /^\/(?:w|videos\/watch)\/([^/]+)\/?$/
const CHANNEL_PAGE = /^\/(?:c|video-channels)\/([^/]+)(?:\/videos)?\/?$/
const ACCOUNT_PAGE = /^\/(?:a|accounts)\/([^/]+)(?:\/videos)?\/?$/

function decoded (segment: string) {
  try {
    return decodeURIComponent(segment)
  } catch {
    return undefined
  }
}

/** The tags of the page at this path, or undefined when it has none (unknown, private or not a described page). */
export async function pageTagsForPath (path: string): Promise<PageTags | undefined> {
  const video = VIDEO_PAGE.exec(path)
  if (video) {
    const id = decoded(video[1])
    // Playlist watch pages (/w/p/...) are not video pages.
    if (!id || id === 'p' || id === 'playlist') return undefined
    const model = await loadVideo(id, 'summary')
    if (!model || !isPreviewable(model)) return undefined
    // Unlisted videos are found by their UUID only, never by walking numeric ids.
    if (/^\d+$/.test(id) && model.privacy !== VideoPrivacy.PUBLIC) return undefined
    return videoPageTags(model)
  }

  const channel = CHANNEL_PAGE.exec(path)
  if (channel) {
    const handle = decoded(channel[1])
    const model = handle ? await VideoChannelModel.loadByHandle(handle) : null
    return model ? channelPageTags(model) : undefined
  }

  const account = ACCOUNT_PAGE.exec(path)
  if (account) {
    const handle = decoded(account[1])
    const model = handle ? await AccountModel.loadByHandle(handle) : null
    return model ? accountPageTags(model) : undefined
  }
  return undefined
}
