import { CONFIG, type TubelessConfig } from '../../initializers/config/index.js'
import { loadConfig, loadRawConfig } from '../../initializers/config/load.js'
import { configSchema, TRANSCODING_RESOLUTIONS } from '../../initializers/config/schema.js'
import { CustomConfigModel } from '../../models/server/custom-config.js'
import { HttpProblem, type InvalidParam } from '../http-problems/http-problem.js'
import { buildCustomConfigSchema } from './custom-config-schema.js'

/**
 * The settings an administrator may change at runtime (PeerTube's "custom config"), each as its path in the
 * REST document (camelCase, PeerTube's names) and in our configuration (snake_case, the YAML keys). Everything
 * here is read from CONFIG when it is used, so a change applies without a restart.
 */
const RUNTIME_SETTINGS: [ doc: string, config: string ][] = [
  [ 'instance.name', 'instance.name' ],
  [ 'instance.shortDescription', 'instance.short_description' ],
  [ 'instance.description', 'instance.description' ],
  [ 'instance.terms', 'instance.terms' ],
  [ 'instance.codeOfConduct', 'instance.code_of_conduct' ],
  [ 'instance.moderationInformation', 'instance.moderation_information' ],
  [ 'instance.administrator', 'instance.administrator' ],
  [ 'instance.creationReason', 'instance.creation_reason' ],
  [ 'instance.maintenanceLifetime', 'instance.maintenance_lifetime' ],
  [ 'instance.businessModel', 'instance.business_model' ],
  [ 'instance.hardwareInformation', 'instance.hardware_information' ],
  [ 'instance.isNSFW', 'instance.is_nsfw' ],
  [ 'instance.defaultNSFWPolicy', 'instance.default_nsfw_policy' ],
  [ 'instance.defaultClientRoute', 'instance.default_client_route' ],
  [ 'admin.email', 'admin.email' ],
  [ 'signup.enabled', 'signup.enabled' ],
  [ 'signup.limit', 'signup.limit' ],
  [ 'signup.requiresApproval', 'signup.requires_approval' ],
  [ 'signup.minimumAge', 'signup.minimum_age' ],
  [ 'autoBlacklist.videos.ofUsers.enabled', 'auto_blacklist.videos.of_users.enabled' ],
  [ 'signup.requiresEmailVerification', 'signup.requires_email_verification' ],
  [ 'contactForm.enabled', 'contact_form.enabled' ],
  [ 'user.videoQuota', 'user.video_quota' ],
  [ 'user.videoQuotaDaily', 'user.video_quota_daily' ],
  [ 'transcoding.enabled', 'transcoding.enabled' ],
  [ 'transcoding.threads', 'transcoding.threads' ],
  [ 'transcoding.alwaysTranscodeOriginalResolution', 'transcoding.always_transcode_original_resolution' ],
  ...TRANSCODING_RESOLUTIONS.map(r => [ `transcoding.resolutions.${r}p`, `transcoding.resolutions.${r}p` ] as [ string, string ]),
  [ 'transcoding.webVideos.enabled', 'transcoding.web_videos.enabled' ],
  [ 'transcoding.hls.enabled', 'transcoding.hls.enabled' ],
  [ 'transcoding.originalFile.keep', 'transcoding.original_file.keep' ],
  [ 'followers.instance.enabled', 'federation.followers.instance.enabled' ],
  [ 'followers.instance.manualApproval', 'federation.followers.instance.manual_approval' ],
  [ 'followings.instance.autoFollowBack.enabled', 'federation.followings.instance.auto_follow_back.enabled' ],
  [ 'live.enabled', 'live.enabled' ],
  [ 'live.allowReplay', 'live.allow_replay' ],
  [ 'live.latencySetting.enabled', 'live.latency_setting.enabled' ],
  [ 'live.maxDuration', 'live.max_duration' ],
  [ 'live.maxInstanceLives', 'live.max_instance_lives' ],
  [ 'live.maxUserLives', 'live.max_user_lives' ],
  [ 'live.transcoding.enabled', 'live.transcoding.enabled' ],
  [ 'live.transcoding.alwaysTranscodeOriginalResolution', 'live.transcoding.always_transcode_original_resolution' ],
  [ 'transcoding.remoteRunners.enabled', 'transcoding.remote_runners.enabled' ],
  [ 'live.transcoding.remoteRunners.enabled', 'live.transcoding.remote_runners.enabled' ],
  ...[ 0, ...TRANSCODING_RESOLUTIONS ].map(r => [ `live.transcoding.resolutions.${r}p`, `live.transcoding.resolutions.${r}p` ] as [ string, string ]),
  // Video imports (issue 21): read by each request and job.
  [ 'import.videos.http.enabled', 'import.videos.http.enabled' ],
  [ 'import.videos.torrent.enabled', 'import.videos.torrent.enabled' ]
]

/** What PUT /api/v1/config/custom accepts (also its OpenAPI description). */
export const customConfigUpdateSchema = buildCustomConfigSchema(RUNTIME_SETTINGS)

const changeListeners: (() => void)[] = []

/** Runs `listener` after every runtime change of the settings (services that start or stop with one). */
export function onCustomConfigChange (listener: () => void) {
  changeListeners.push(listener)
}

/** GET /api/v1/config/custom */
export function buildCustomConfig () {
  const doc: Record<string, unknown> = {}
  for (const [ docPath, configPath ] of RUNTIME_SETTINGS) setPath(doc, docPath, getPath(CONFIG, configPath))
  return doc
}

/**
 * PUT /api/v1/config/custom: takes the settings present in `doc` (validated by customConfigUpdateSchema: unknown
 * keys are refused), checks the resulting configuration as a whole, stores the changes and applies them at once.
 */
export async function updateCustomConfig (doc: Record<string, unknown>) {
  const overrides = structuredClone(await CustomConfigModel.loadOverrides())
  for (const [ docPath, configPath ] of RUNTIME_SETTINGS) {
    const value = getPath(doc, docPath)
    if (value !== undefined) setPath(overrides, configPath, value)
  }

  const next = validateWithOverrides(overrides)
  await CustomConfigModel.saveOverrides(overrides)
  replaceConfig(next)
  for (const listener of changeListeners) listener()
  return buildCustomConfig()
}

/** DELETE /api/v1/config/custom: back to the configuration files. */
export async function resetCustomConfig () {
  await CustomConfigModel.saveOverrides({})
  replaceConfig(loadConfig())
  for (const listener of changeListeners) listener()
  return buildCustomConfig()
}

/** At start-up, after the database: what administrators changed at runtime wins over the files. */
export async function applyStoredCustomConfig () {
  const overrides = await CustomConfigModel.loadOverrides()
  if (Object.keys(overrides).length !== 0) replaceConfig(validateWithOverrides(overrides))
}

function validateWithOverrides (overrides: Record<string, unknown>): TubelessConfig {
  const merged = deepMerge(loadRawConfig(), structuredClone(overrides))
  const result = configSchema.safeParse(merged)
  if (result.success) return result.data

  const invalidParams: Record<string, InvalidParam> = {}
  for (const issue of result.error.issues) {
    const configPath = issue.path.map(String).join('.')
    const docPath = RUNTIME_SETTINGS.find(([ , c ]) => configPath.startsWith(c))?.[0] ?? configPath
    invalidParams[docPath] = { type: 'field', value: getPath(overrides, configPath), msg: issue.message, path: docPath, location: 'body' }
  }
  throw new HttpProblem({ status: 400, detail: `Incorrect request parameters: ${Object.keys(invalidParams).join(', ')}`, invalidParams })
}

/** CONFIG is shared by reference across the code: update it in place. */
function replaceConfig (next: TubelessConfig) {
  for (const key of Object.keys(next) as (keyof TubelessConfig)[]) {
    (CONFIG as Record<string, unknown>)[key] = next[key]
  }
}

function getPath (object: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), object)
}

function setPath (object: Record<string, unknown>, path: string, value: unknown) {
  const keys = path.split('.')
  let node = object
  for (const key of keys.slice(0, -1)) {
    if (!node[key] || typeof node[key] !== 'object') node[key] = {}
    node = node[key] as Record<string, unknown>
  }
  node[keys[keys.length - 1]] = value
}

function deepMerge (target: Record<string, unknown>, source: Record<string, unknown>): Record<string, unknown> {
  for (const [ key, value ] of Object.entries(source)) {
    const existing = target[key]
    const bothObjects = [ existing, value ].every(v => typeof v === 'object' && v !== null && !Array.isArray(v))
    target[key] = bothObjects ? deepMerge(existing as Record<string, unknown>, value as Record<string, unknown>) : value
  }
  return target
}
