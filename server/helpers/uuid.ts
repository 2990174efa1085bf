import { createTranslator } from 'short-uuid'

// short-uuid's default alphabet is flickrBase58, as PeerTube's short UUIDs, so they match across instances.
const translator = createTranslator()

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const SHORT_UUID_PATTERN = /^[1-9A-HJ-NP-Za-km-z]{20,22}$/

export function toShortUuid (uuid: string) {
  return translator.fromUUID(uuid)
}

export function isUuid (value: string) {
  return UUID_PATTERN.test(value)
}

/** A UUID from a UUID or a short UUID; undefined when it is neither. */
export function toFullUuid (value: string) {
  if (isUuid(value)) return value.toLowerCase()
  if (!SHORT_UUID_PATTERN.test(value)) return undefined
  try {
    const uuid = translator.toUUID(value)
    return isUuid(uuid) ? uuid : undefined
  } catch {
    return undefined
  }
}
