/** Wire constants of ActivityPub federation (PeerTube 6.3 compatible). */

export const ACTIVITY_STREAMS_CONTEXT_URL = 'https://www.w3.org/ns/activitystreams'
export const SECURITY_V1_CONTEXT_URL = 'https://w3id.org/security/v1'
export const IDENTITY_V1_CONTEXT_URL = 'https://w3id.org/identity/v1'
export const ACTIVITY_STREAMS_PUBLIC = 'https://www.w3.org/ns/activitystreams#Public'

/** Media types a remote document may be served with to count as ActivityPub. */
export const ACTIVITY_PUB_MEDIA_TYPES = [ 'application/activity+json', 'application/ld+json' ] as const
export const ACTIVITY_PUB_CONTENT_TYPE = 'application/activity+json'
export const ACTIVITY_PUB_ACCEPT_HEADER =
  'application/activity+json, application/ld+json; profile="https://www.w3.org/ns/activitystreams"'

export const RSA_KEY_SIZE_BITS = 2048

export const HTTP_SIGNATURE = {
  /** draft-cavage algorithm name we emit. */
  ALGORITHM: 'rsa-sha256',
  /** What PeerTube covers on POSTs; GETs drop `digest`. */
  HEADERS_WITH_BODY: [ '(request-target)', 'host', 'date', 'digest' ] as readonly string[],
  HEADERS_WITHOUT_BODY: [ '(request-target)', 'host', 'date' ] as readonly string[],
  /** PeerTube tolerates 30 minutes between the Date header and its own clock. */
  CLOCK_SKEW_MS: 30 * 60 * 1000,
  /** RFC 9421 algorithm Fedify signs with. */
  RFC9421_ALGORITHM: 'rsa-v1_5-sha256'
} as const

export const LD_SIGNATURE = {
  TYPE: 'RsaSignature2017',
  /** Context the signature options are canonicalized with (Mastodon's choice; security/v1 gives the same N-Quads). */
  OPTIONS_CONTEXT: IDENTITY_V1_CONTEXT_URL
} as const

export const REMOTE_FETCH = {
  TIMEOUT_MS: 10_000,
  /** Actors and activities are a few KB; collection pages with embedded videos stay well under this. */
  MAX_BYTES: 2 * 1024 * 1024,
  MAX_REDIRECTS: 3,
  /** Bytes of a delivery reply we read (and discard) before closing. */
  MAX_DELIVERY_RESPONSE_BYTES: 64 * 1024,
  USER_AGENT: 'Tubeless'
} as const
