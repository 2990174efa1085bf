import { z } from 'zod'
import { parseBytes, parseDurationMs } from '../../helpers/durations.js'

// The YAML keys follow PeerTube's where the concept is the same, so an admin's knowledge carries over.

const duration = z.union([ z.string(), z.number() ]).transform((value, ctx) => {
  const ms = parseDurationMs(value)
  if (ms === undefined || ms < 0) {
    ctx.addIssue({ code: 'custom', message: `expected a duration such as '30 minutes' or '2 days', got '${value}'` })
    return z.NEVER
  }
  return ms
})

const bytes = z.union([ z.string(), z.number() ]).transform((value, ctx) => {
  const parsed = parseBytes(value)
  if (parsed === undefined) {
    ctx.addIssue({ code: 'custom', message: `expected a size such as '500MB' or -1 (unlimited), got '${value}'` })
    return z.NEVER
  }
  return parsed
})

const port = z.number().int().min(1).max(65535)
const hostname = z.string().min(1)
const folder = z.string().min(1)

// --- Object storage, redundancy, integrity (PeerTube's keys where they exist) ---------------------------------

const bucket = z.object({
  bucket_name: z.string().min(3).max(63).regex(/^[a-z0-9][a-z0-9.-]+[a-z0-9]$/, 'expected an S3 bucket name (lower case, digits, dots, dashes)'),
  prefix: z.string(),
  // Scheme and host of the public URLs are replaced by this one (a CDN or a proxy in front of the bucket).
  base_url: z.string().regex(/^(https?:\/\/[^/]+\/?)?$/, 'expected an origin such as https://cdn.example.com, or empty')
}).strict()

const objectStorageSchema = z.object({
  enabled: z.boolean(),
  endpoint: z.string(),
  region: z.string().min(1),
  // Bucket in the path (http://endpoint/bucket/key) instead of the host name: MinIO, Garage, s3rver.
  force_path_style: z.boolean(),
  upload_acl: z.object({ public: z.string().min(1).nullable(), private: z.string().min(1).nullable() }).strict(),
  proxy: z.object({ proxify_private_files: z.boolean() }).strict(),
  credentials: z.object({ access_key_id: z.string(), secret_access_key: z.string() }).strict(),
  // Files up to max_upload_part go in one request; larger ones in parts of upload_part_size.
  max_upload_part: bytes,
  upload_part_size: bytes,
  max_request_attempts: z.number().int().min(1).max(20),
  // Lifetime of the presigned URLs private files are redirected to when they are not proxied.
  presigned_url_lifetime: duration,
  streaming_playlists: bucket,
  web_videos: bucket,
  original_video_files: bucket,
  torrents: bucket,
  thumbnails: bucket,
  avatars: bucket
}).strict().refine(o => !o.enabled || o.endpoint.length !== 0, { message: 'an endpoint is required when object storage is enabled', path: [ 'endpoint' ] })
  .refine(o => o.upload_part_size >= 5 * 1024 * 1024, { message: 'S3 parts are at least 5MB', path: [ 'upload_part_size' ] })

const redundancyStrategy = z.object({
  strategy: z.enum([ 'most-views', 'trending', 'recently-added' ]),
  size: bytes,
  // PeerTube refuses less than 10 hours: mirrors that come and go would load the origin for nothing.
  min_lifetime: duration.refine(ms => ms >= 10 * 3_600_000 || process.env.NODE_ENV === 'test', 'expected at least 10 hours'),
  min_views: z.number().int().min(0).optional()
}).strict()

const redundancySchema = z.object({
  videos: z.object({
    check_interval: duration,
    strategies: z.array(redundancyStrategy).nullable().transform(list => list ?? [])
  }).strict()
}).strict()

const integritySchema = z.object({
  scrub: z.object({
    enabled: z.boolean(),
    // A whole pass over every stored copy starts this often (and on demand from the admin panel).
    interval: duration,
    // Bytes read per second at most, so a scrub never starves viewers of disk or bucket bandwidth.
    max_read_rate: bytes,
    // Files checked by one job before it hands over to the next (the pass resumes there after a restart).
    files_per_job: z.number().int().min(1).max(100_000)
  }).strict()
}).strict()

export const TRANSCODING_RESOLUTIONS = [ 144, 240, 360, 480, 720, 1080, 1440, 2160 ] as const

const resolutionsSwitches = z.object(
  Object.fromEntries(TRANSCODING_RESOLUTIONS.map(r => [ `${r}p`, z.boolean() ])) as Record<`${typeof TRANSCODING_RESOLUTIONS[number]}p`, z.ZodBoolean>
).strict()

export const configSchema = z.object({
  listen: z.object({ hostname, port }).strict(),

  webserver: z.object({ https: z.boolean(), hostname, port }).strict(),

  trust_proxy: z.array(z.string()),

  database: z.object({
    // true: the instance runs its own PostgreSQL cluster under storage.embedded_services (no setup at all).
    embedded: z.boolean(),
    hostname,
    port,
    ssl: z.boolean(),
    name: z.string().min(1),
    suffix: z.string(),
    username: z.string().min(1),
    password: z.string(),
    pool: z.object({ max: z.number().int().min(1).max(200), acquire_timeout: duration }).strict()
  }).strict(),

  redis: z.object({
    embedded: z.boolean(),
    hostname,
    port,
    // A unix socket path wins over hostname/port when set.
    socket: z.string().nullable(),
    auth: z.string().nullable(),
    db: z.number().int().min(0).max(15)
  }).strict(),

  storage: z.object({
    embedded_services: folder,
    tmp: folder,
    logs: folder,
    web_videos: folder,
    streaming_playlists: folder,
    thumbnails: folder,
    previews: folder,
    torrents: folder,
    avatars: folder,
    captions: folder,
    storyboards: folder,
    cache: folder,
    // Copies of other instances' videos this instance mirrors (redundancy).
    redundancy: folder,
    // Uploaded sources kept after their ladder (transcoding.original_file.keep): re-transcoding repairs from them.
    original_video_files: folder
  }).strict(),

  log: z.object({
    level: z.enum([ 'error', 'warn', 'info', 'debug' ]),
    // 'auto' is JSON lines in production and human-readable text elsewhere.
    format: z.enum([ 'auto', 'json', 'text' ]),
    log_http_requests: z.boolean()
  }).strict(),

  rates_limit: z.object({
    api: z.object({ window: duration, max: z.number().int().min(1) }).strict(),
    login: z.object({ window: duration, max: z.number().int().min(1) }).strict(),
    // ActivityPub inboxes: per client address before any check, per remote host once its signature verified.
    inbox: z.object({ window: duration, max_per_ip: z.number().int().min(1), max_per_host: z.number().int().min(1) }).strict()
  }).strict(),

  oauth2: z.object({
    token_lifetime: z.object({ access_token: duration, refresh_token: duration }).strict()
  }).strict(),

  admin: z.object({ email: z.string().email() }).strict(),

  instance: z.object({
    name: z.string().min(1).max(120),
    short_description: z.string().max(400),
    description: z.string(),
    terms: z.string(),
    // What the About page says of the instance (PeerTube's names), Markdown; empty strings are not shown.
    code_of_conduct: z.string(),
    moderation_information: z.string(),
    administrator: z.string(),
    creation_reason: z.string(),
    maintenance_lifetime: z.string(),
    business_model: z.string(),
    hardware_information: z.string(),
    is_nsfw: z.boolean(),
    default_nsfw_policy: z.enum([ 'display', 'blur', 'do_not_list' ]),
    default_client_route: z.string()
  }).strict(),

  signup: z.object({
    enabled: z.boolean(),
    limit: z.number().int().min(-1),
    requires_approval: z.boolean(),
    requires_email_verification: z.boolean(),
    minimum_age: z.number().int().min(0)
  }).strict(),

  auto_blacklist: z.object({
    videos: z.object({ of_users: z.object({ enabled: z.boolean() }).strict() }).strict()
  }).strict(),

  user: z.object({
    video_quota: bytes,
    video_quota_daily: bytes
  }).strict(),

  video: z.object({
    max_file_size: bytes,
    max_duration: duration
  }).strict(),

  transcoding: z.object({
    enabled: z.boolean(),
    threads: z.number().int().min(0).max(64),
    concurrency: z.number().int().min(1).max(16),
    // libx264 preset; 'veryfast' trades a few percent of size for a lot of speed.
    preset: z.enum([ 'ultrafast', 'superfast', 'veryfast', 'faster', 'fast', 'medium', 'slow' ]),
    resolutions: resolutionsSwitches,
    always_transcode_original_resolution: z.boolean(),
    // PeerTube's key: keep the uploaded source once the ladder is done (the scrub re-transcodes from it).
    original_file: z.object({ keep: z.boolean() }).strict(),
    web_videos: z.object({ enabled: z.boolean() }).strict(),
    hls: z.object({ enabled: z.boolean() }).strict(),
    // A transcoding job is stopped after minimum + per_minute_of_video x the source's duration.
    timeout: z.object({ minimum: duration, per_minute_of_video: duration }).strict(),
    // ffmpeg is killed when it reports no progress for this long.
    ffmpeg_stall_timeout: duration,
    // Encoder profile of the ladder (local and remote): 'default' (libx264 with the preset above), another x264
    // preset, or a hardware encoder this machine has (see transcoding.availableProfiles in /api/v1/config).
    profile: z.string().min(1).max(50),
    // true: the ladder is cut into runner jobs done by remote runners (/api/v1/runners); the fast-start copy of a
    // web-ready source stays local.
    remote_runners: z.object({ enabled: z.boolean() }).strict()
  }).strict().refine(t => t.web_videos.enabled || t.hls.enabled, {
    message: 'at least one of web_videos.enabled and hls.enabled must be true',
    path: [ 'web_videos', 'enabled' ]
  }),

  tracker: z.object({
    enabled: z.boolean(),
    private: z.boolean(),
    reject_too_many_announces: z.boolean(),
    // Handed to browsers for WebRTC; empty keeps P2P on the local network (and in tests on loopback).
    ice_servers: z.array(z.object({ urls: z.union([ z.string(), z.array(z.string()) ]) }).passthrough())
  }).strict(),

  search: z.object({
    // A search for a video's URL fetches it from its origin (and stores it: a user asked for it) for these users.
    remote_uri: z.object({ users: z.boolean(), anonymous: z.boolean() }).strict()
  }).strict(),

  views: z.object({
    videos: z.object({
      // How often the view counters of local videos that changed are sent to other instances (an Update).
      local_buffer_update_interval: duration
    }).strict()
  }).strict(),

  federation: z.object({
    enabled: z.boolean(),
    // Loopback and private addresses are refused for remote fetches unless this is true (tests, local clusters).
    allow_private_addresses: z.boolean(),
    sign_federated_fetches: z.boolean(),
    max_http_signature_skew: duration,
    followers: z.object({
      instance: z.object({ enabled: z.boolean(), manual_approval: z.boolean() }).strict()
    }).strict(),
    followings: z.object({
      instance: z.object({
        auto_follow_back: z.object({ enabled: z.boolean() }).strict()
      }).strict(),
      // A Follow of ours still pending (its Accept lost: PeerTube drops a delivery now and then) is sent again
      // after `first`, then at doubling intervals up to `max`, until it is accepted or removed.
      resend_pending: z.object({ first: duration, max: duration }).strict()
    }).strict(),
    http_timeout: duration,
    delivery: z.object({
      attempts: z.number().int().min(1).max(30),
      backoff: duration,
      concurrency: z.number().int().min(1).max(200),
      unreachable_after: duration,
      // After the fast attempts, a delivery is parked and retried on a slow schedule (first, doubling up to max)
      // until give_up_after; a server seen again gets its parked deliveries at once.
      slow_retry: z.object({ first: duration, max: duration, give_up_after: duration }).strict(),
      // Servers with parked deliveries are asked whether they are back this often.
      probe_interval: duration
    }).strict()
  }).strict(),

  jobs: z.object({
    concurrency: z.record(z.string(), z.number().int().min(1).max(100))
  }).strict(),

  housekeeping: z.object({
    // The start-up storage sweep removes files no row knows of, once they are at least this old.
    orphan_files_min_age: duration,
    // How long after start-up the sweep runs (resumed jobs have recorded their work by then).
    storage_sweep_delay: duration
  }).strict(),

  // PeerTube's keys. E-mail is enabled when the transport can work: an SMTP hostname, or a sendmail path.
  smtp: z.object({
    transport: z.enum([ 'smtp', 'sendmail' ]),
    sendmail: z.string().min(1).nullable(),
    hostname: z.string().min(1).nullable(),
    port,
    username: z.string().nullable(),
    password: z.string().nullable(),
    // true: TLS from the first byte (port 465); false: plain, upgraded by STARTTLS unless disable_starttls.
    tls: z.boolean(),
    disable_starttls: z.boolean(),
    ca_file: z.string().min(1).nullable(),
    from_address: z.string().regex(/^[^\s@]+@[^\s@]+$/, 'expected an e-mail address')
  }).strict(),

  email: z.object({
    body: z.object({ signature: z.string() }).strict(),
    subject: z.object({ prefix: z.string() }).strict()
  }).strict(),

  contact_form: z.object({ enabled: z.boolean() }).strict(),

  // PeerTube's keys, plus relay (ours: serving followed instances' lives from our own cache).
  live: z.object({
    enabled: z.boolean(),
    allow_replay: z.boolean(),
    latency_setting: z.object({ enabled: z.boolean() }).strict(),
    // -1: no limit; a session is ended once it streamed this long.
    max_duration: z.union([ z.literal(-1), duration ]),
    max_instance_lives: z.number().int().min(-1),
    max_user_lives: z.number().int().min(-1),
    rtmp: z.object({ enabled: z.boolean(), hostname, port, public_hostname: z.string().min(1).nullable() }).strict(),
    rtmps: z.object({
      enabled: z.boolean(),
      hostname,
      port,
      key_file: z.string().min(1).nullable(),
      cert_file: z.string().min(1).nullable(),
      public_hostname: z.string().min(1).nullable()
    }).strict().refine(r => !r.enabled || (r.key_file && r.cert_file), { message: 'RTMPS needs key_file and cert_file', path: [ 'key_file' ] }),
    transcoding: z.object({
      enabled: z.boolean(),
      resolutions: z.object({
        '0p': z.boolean(),
        ...Object.fromEntries(TRANSCODING_RESOLUTIONS.map(r => [ `${r}p`, z.boolean() ])) as Record<`${typeof TRANSCODING_RESOLUTIONS[number]}p`, z.ZodBoolean>
      }).strict(),
      always_transcode_original_resolution: z.boolean(),
      // true: a session's ladder is a live-rtmp-hls-transcoding runner job (the runner pulls the RTMP stream).
      remote_runners: z.object({ enabled: z.boolean() }).strict()
    }).strict(),
    relay: z.object({ enabled: z.boolean() }).strict()
  }).strict(),
  // PeerTube's section: a processing job without contact for this long goes back to the queue.
  remote_runners: z.object({
    stalled_jobs: z.object({ vod: duration, live: duration }).strict(),
    // Outputs are checked before they are published; runners whose outputs fail are marked, then disabled.
    verification: z.object({
      // Allowed difference between an output's duration and its source's: max(seconds, percent of the source).
      duration_tolerance: z.object({ seconds: z.number().min(0), percent: z.number().min(0).max(100) }).strict(),
      // Windows of the output decoded to check it plays (start, middle and end are always among them).
      decoded_samples: z.number().int().min(1).max(20),
      // For runners not marked trusted: the instance encodes a few random seconds itself and compares.
      spot_check: z.object({
        enabled: z.boolean(),
        samples: z.number().int().min(1).max(10),
        sample_duration: duration,
        // The runner's output must be at least this close to the source...
        min_ssim: z.number().min(0).max(1),
        min_psnr: z.number().min(0).max(100),
        // ...and not much worse than our own encode of the same seconds.
        max_ssim_loss: z.number().min(0).max(1),
        // The sound of the same seconds (audio merges too): its level within this many dB of the source's, and its
        // coarse spectrum at least this similar (0-1): silence or another sound is refused.
        audio: z.object({ max_level_difference_db: z.number().min(0).max(60), min_spectrum_similarity: z.number().min(0).max(1) }).strict()
      }).strict(),
      // A runner is disabled after this many refused outputs in a row.
      disable_after_failures: z.number().int().min(1).max(1000)
    }).strict()
  }).strict(),
  // Reaching people outside the instance (issue 21): PeerTube's keys.
  feeds: z.object({
    videos: z.object({ count: z.number().int().min(1).max(100) }).strict(),
    comments: z.object({ count: z.number().int().min(1).max(100) }).strict()
  }).strict(),

  // Sprite sheets of video frames for hover previews on the progress bar (PeerTube's key).
  storyboards: z.object({ enabled: z.boolean() }).strict(),

  services: z.object({ twitter: z.object({ username: z.string() }).strict() }).strict(),

  // Metrics for Prometheus (issue 21, PeerTube's keys). Tracing is accepted so a PeerTube file loads, but not exported.
  open_telemetry: z.object({
    metrics: z.object({
      enabled: z.boolean(),
      // How often the web player sends its playback stats (POST /api/v1/metrics/playback).
      playback_stats_interval: duration.refine(ms => ms >= 1000, 'expected at least 1 second'),
      http_request_duration: z.object({ enabled: z.boolean() }).strict(),
      prometheus_exporter: z.object({ hostname, port }).strict()
    }).strict(),
    tracing: z.object({ enabled: z.boolean(), jaeger_exporter: z.object({ endpoint: z.string() }).strict().optional() }).strict().optional()
  }).strict(),

  object_storage: objectStorageSchema,
  redundancy: redundancySchema,
  remote_redundancy: z.object({
    videos: z.object({ accept_from: z.enum([ 'nobody', 'anybody', 'followings' ]) }).strict()
  }).strict(),
  integrity: integritySchema,
  // Video imports (issue 21): PeerTube's keys, plus youtube_dl_release.binary_path (see below).
  import: z.object({
    videos: z.object({
      concurrency: z.number().int().min(1).max(20),
      // A download (HTTP, torrent or extractor) running longer is stopped and the import failed.
      timeout: duration,
      http: z.object({
        enabled: z.boolean(),
        // PeerTube downloads yt-dlp from `url`; we never download binaries. Set binary_path to an installed
        // yt-dlp (or youtube-dl) to import from web pages; url, name and python_path are accepted and ignored.
        youtube_dl_release: z.object({
          binary_path: z.string().nullable(),
          url: z.string().optional(),
          name: z.string().optional(),
          python_path: z.string().optional()
        }).strict()
      }).strict(),
      torrent: z.object({ enabled: z.boolean() }).strict()
    }).strict()
  }).strict()
}).strict()

export type TubelessConfig = z.output<typeof configSchema>
