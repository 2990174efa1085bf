import { TRANSCODING_RESOLUTIONS } from '../../initializers/config/schema.js'
import { CONFIG } from '../../initializers/config/index.js'
import { SERVER_VERSION } from '../../initializers/constants/server.js'
import { UserModel } from '../../models/user/user.js'
import { isEmailEnabled } from '../emails/mailer.js'
import { availableEncoderProfiles } from '../transcoding/encoder-profile-check.js'

export function enabledResolutions () {
  return TRANSCODING_RESOLUTIONS.filter(r => CONFIG.transcoding.resolutions[`${r}p`])
}

/** GET /api/v1/config: PeerTube's shape, with the parts we support filled from our configuration. */
export async function buildPublicConfig () {
  const signupAllowed = await isSignupAllowed()

  return {
    client: {
      videos: { miniature: { displayAuthorAvatar: false, preferAuthorDisplayName: false }, resumableUpload: { maxChunkSize: 0 } },
      menu: { login: { redirectOnSingleExternalAuth: false } }
    },
    defaults: {
      publish: { downloadEnabled: true, commentsPolicy: 1, commentsEnabled: true, privacy: 1, licence: null },
      p2p: { webapp: { enabled: true }, embed: { enabled: true } }
    },
    webadmin: { configuration: { edition: { allowed: true } } },
    instance: {
      name: CONFIG.instance.name,
      shortDescription: CONFIG.instance.short_description,
      isNSFW: CONFIG.instance.is_nsfw,
      defaultNSFWPolicy: CONFIG.instance.default_nsfw_policy,
      defaultClientRoute: CONFIG.instance.default_client_route,
      customizations: { javascript: '', css: '' },
      avatars: [],
      banners: []
    },
    search: {
      remoteUri: { users: CONFIG.search.remote_uri.users, anonymous: CONFIG.search.remote_uri.anonymous },
      searchIndex: { enabled: false, url: '', disableLocalSearch: false, isDefaultSearch: false }
    },
    plugin: { registered: [], registeredExternalAuths: [], registeredIdAndPassAuths: [] },
    theme: { registered: [], default: 'default' },
    email: { enabled: isEmailEnabled() },
    contactForm: { enabled: CONFIG.contact_form.enabled && isEmailEnabled() },
    serverVersion: SERVER_VERSION,
    serverCommit: '',
    transcoding: {
      remoteRunners: { enabled: CONFIG.transcoding.remote_runners.enabled },
      hls: { enabled: CONFIG.transcoding.hls.enabled },
      web_videos: { enabled: CONFIG.transcoding.web_videos.enabled },
      enabledResolutions: enabledResolutions(),
      profile: CONFIG.transcoding.profile,
      availableProfiles: await availableEncoderProfiles()
    },
    live: {
      enabled: CONFIG.live.enabled,
      allowReplay: CONFIG.live.allow_replay,
      latencySetting: { enabled: CONFIG.live.latency_setting.enabled },
      maxDuration: CONFIG.live.max_duration,
      maxInstanceLives: CONFIG.live.max_instance_lives,
      maxUserLives: CONFIG.live.max_user_lives,
      transcoding: {
        enabled: CONFIG.live.transcoding.enabled,
        remoteRunners: { enabled: CONFIG.live.transcoding.remote_runners.enabled },
        enabledResolutions: [ ...(CONFIG.live.transcoding.resolutions['0p'] ? [ 0 ] : []), ...TRANSCODING_RESOLUTIONS.filter(r => CONFIG.live.transcoding.resolutions[`${r}p`]) ],
        profile: 'default',
        availableProfiles: [ 'default' ]
      },
      rtmp: { port: CONFIG.live.rtmp.port }
    },
    import: { videos: { http: { enabled: CONFIG.import.videos.http.enabled }, torrent: { enabled: CONFIG.import.videos.torrent.enabled } }, videoChannelSynchronization: { enabled: false } },
    autoBlacklist: { videos: { ofUsers: { enabled: CONFIG.auto_blacklist.videos.of_users.enabled } } },
    avatar: { file: { size: { max: 4 * 1024 * 1024 }, extensions: [ '.png', '.jpeg', '.jpg', '.gif', '.webp' ] } },
    banner: { file: { size: { max: 4 * 1024 * 1024 }, extensions: [ '.png', '.jpeg', '.jpg', '.gif', '.webp' ] } },
    video: {
      image: { size: { max: 4 * 1024 * 1024 }, extensions: [ '.png', '.jpg', '.jpeg', '.webp' ] },
      file: { extensions: [ '.webm', '.ogv', '.ogg', '.mp4', '.mkv', '.mov', '.qt', '.mqv', '.m4v', '.flv', '.f4v', '.wmv', '.avi', '.3gp', '.3gpp', '.3g2', '.3gpp2', '.nut', '.mts', '.m2ts', '.mpv', '.m2v', '.m1v', '.mpg', '.mpe', '.mpeg', '.vob', '.mxf', '.mp3', '.wma', '.wav', '.flac', '.aac', '.m4a', '.ac3' ] }
    },
    videoCaption: { file: { size: { max: 20 * 1024 * 1024 }, extensions: [ '.vtt', '.srt' ] } },
    storyboards: { enabled: CONFIG.storyboards.enabled },
    user: { videoQuota: CONFIG.user.video_quota, videoQuotaDaily: CONFIG.user.video_quota_daily },
    signup: {
      allowed: signupAllowed,
      allowedForCurrentIP: signupAllowed,
      minimumAge: CONFIG.signup.minimum_age,
      requiresApproval: CONFIG.signup.requires_approval,
      requiresEmailVerification: CONFIG.signup.requires_email_verification
    },
    trending: { videos: { intervalDays: 7, algorithms: { enabled: [ 'most-viewed' ], default: 'most-viewed' } } },
    tracker: { enabled: CONFIG.tracker.enabled },
    // Our addition: the ICE servers browsers use for WebRTC peering (empty keeps P2P on the local network).
    p2p: { iceServers: CONFIG.tracker.ice_servers },
    followings: { instance: { autoFollowIndex: { indexUrl: '' } } },
    federation: { enabled: CONFIG.federation.enabled },
    homepage: { enabled: false },
    // The web player sends its playback stats every playbackStatsInterval ms when metrics are on.
    openTelemetry: { metrics: { enabled: CONFIG.open_telemetry.metrics.enabled, playbackStatsInterval: CONFIG.open_telemetry.metrics.playback_stats_interval } },
    views: { videos: { watchingInterval: { anonymous: 5000, users: 5000 } } }
  }
}

export async function isSignupAllowed () {
  if (!CONFIG.signup.enabled) return false
  if (CONFIG.signup.limit === -1) return true
  return (await UserModel.countTotal()) < CONFIG.signup.limit
}

export function buildAboutConfig () {
  return {
    instance: {
      name: CONFIG.instance.name,
      shortDescription: CONFIG.instance.short_description,
      description: CONFIG.instance.description,
      terms: CONFIG.instance.terms,
      codeOfConduct: CONFIG.instance.code_of_conduct,
      hardwareInformation: CONFIG.instance.hardware_information,
      creationReason: CONFIG.instance.creation_reason,
      moderationInformation: CONFIG.instance.moderation_information,
      administrator: CONFIG.instance.administrator,
      maintenanceLifetime: CONFIG.instance.maintenance_lifetime,
      businessModel: CONFIG.instance.business_model,
      languages: [],
      categories: [],
      avatars: [],
      banners: []
    }
  }
}
