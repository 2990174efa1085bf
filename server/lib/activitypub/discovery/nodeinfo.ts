import { loggerWithTags } from '../../../helpers/logger.js'
import { CONFIG, WEBSERVER } from '../../../initializers/config/index.js'
import { SERVER_VERSION } from '../../../initializers/constants/server.js'
import { countLocalVideos, countUsersActiveWithin } from '../../../models/actor/queries/actor-queries.js'
import { UserModel } from '../../../models/user/user.js'
import { buildPublicConfig } from '../../server-config/public-config.js'
import { getServerActor } from '../server-actor.js'

const log = loggerWithTags('activitypub', 'nodeinfo')

export const NODEINFO_2_0_SCHEMA = 'http://nodeinfo.diaspora.software/ns/schema/2.0'
export const NODEINFO_2_0_CONTENT_TYPE = `application/json; profile="${NODEINFO_2_0_SCHEMA}#"`

/** /.well-known/nodeinfo: where the document is, and the server actor (PeerTube adds it). */
export async function buildNodeInfoLinks () {
  const serverActor = await getServerActor()
  return {
    links: [
      { rel: NODEINFO_2_0_SCHEMA, href: `${WEBSERVER.URL}/nodeinfo/2.0.json` },
      { rel: 'https://www.w3.org/ns/activitystreams#Application', href: serverActor.url }
    ]
  }
}

/** NodeInfo 2.0, shaped as PeerTube's, with our software name and figures. */
export async function buildNodeInfo () {
  const [ config, stats ] = await Promise.all([ buildPublicConfig(), usageStats() ])

  return {
    version: '2.0',
    software: { name: 'tubeless', version: SERVER_VERSION },
    protocols: [ 'activitypub' ],
    services: { inbound: [], outbound: [ 'atom1.0', 'rss2.0' ] },
    openRegistrations: config.signup.allowed,
    usage: stats,
    metadata: {
      taxonomy: { postsName: 'Videos' },
      nodeName: CONFIG.instance.name,
      nodeDescription: CONFIG.instance.short_description,
      nodeConfig: {
        search: config.search,
        plugin: { registered: config.plugin.registered },
        theme: config.theme,
        email: config.email,
        contactForm: config.contactForm,
        transcoding: {
          hls: config.transcoding.hls,
          web_videos: config.transcoding.web_videos,
          enabledResolutions: config.transcoding.enabledResolutions
        },
        live: { enabled: config.live.enabled, transcoding: config.live.transcoding },
        import: { videos: config.import.videos },
        autoBlacklist: config.autoBlacklist,
        avatar: config.avatar,
        video: config.video,
        videoCaption: config.videoCaption,
        user: config.user,
        trending: { videos: { intervalDays: config.trending.videos.intervalDays } },
        tracker: config.tracker
      }
    }
  }
}

async function usageStats () {
  // A count that fails (a table not created yet) is reported as 0 rather than failing discovery.
  const safely = (count: () => Promise<number>) => count().catch(err => {
    log.warn('Cannot count NodeInfo usage', { err: (err as Error).message })
    return 0
  })

  const [ total, activeMonth, activeHalfyear, localPosts ] = await Promise.all([
    safely(() => UserModel.countTotal()),
    safely(() => countUsersActiveWithin('1 month')),
    safely(() => countUsersActiveWithin('6 months')),
    safely(() => countLocalVideos())
  ])

  // Comments are not federated yet: none are local.
  return { users: { total, activeMonth, activeHalfyear }, localPosts, localComments: 0 }
}
