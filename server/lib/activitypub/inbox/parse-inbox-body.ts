import { checkJsonShape } from '../../../helpers/json-shape.js'
import { INBOX } from '../../../initializers/constants/federation.js'
import { badRequest } from '../../http-problems/http-problem.js'
import { getActivityActorUrl, isObject, type Activity } from '../activity-types.js'
import { urlOrigin } from '../ownership.js'

const SHAPE_MESSAGES = {
  'too-deep': `nested deeper than ${INBOX.BODY_SHAPE.maxDepth} levels`,
  'too-many-values': `more than ${INBOX.BODY_SHAPE.maxNodes} values`,
  'key-too-long': `a key longer than ${INBOX.BODY_SHAPE.maxKeyLength} characters`,
  'nul-character': 'a NUL character',
  'invalid-unicode': 'text that is not valid Unicode'
} as const

// Our URL columns hold 2000 characters.
const MAX_URL_LENGTH = 2000

const COLLECTION_TYPES = [ 'Collection', 'OrderedCollection', 'CollectionPage', 'OrderedCollectionPage' ]

/**
 * The activities an inbox POST carries: one activity, or a collection of them (PeerTube accepts both).
 * Each needs a string type, an http(s) id and an actor; anything else is a 400.
 */
export function parseInboxBody (rawBody: Buffer): Activity[] {
  let body: unknown
  try {
    body = JSON.parse(rawBody.toString('utf8'))
  } catch {
    throw badRequest('The body is not JSON')
  }
  if (!isObject(body)) throw badRequest('The body is not a JSON object')
  // Before anything walks it (LD signature checks, job payloads): a sane depth and size, no NUL characters.
  const shape = checkJsonShape(body, INBOX.BODY_SHAPE)
  if (shape) throw badRequest(`The activity is refused at ${shape.path}: ${SHAPE_MESSAGES[shape.kind]}`)

  if (typeof body.type === 'string' && COLLECTION_TYPES.includes(body.type)) {
    const items = Array.isArray(body.orderedItems) ? body.orderedItems : Array.isArray(body.items) ? body.items : []
    if (items.length > INBOX.MAX_ACTIVITIES_PER_COLLECTION) {
      throw badRequest(`A collection may carry at most ${INBOX.MAX_ACTIVITIES_PER_COLLECTION} activities`)
    }
    return items.map(checkActivity)
  }

  return [ checkActivity(body) ]
}

function checkActivity (value: unknown): Activity {
  if (!isObject(value)) throw badRequest('An activity must be a JSON object')
  if (typeof value.type !== 'string' || value.type === '') throw badRequest('An activity needs a type')
  if (typeof value.id !== 'string' || !urlOrigin(value.id)) throw badRequest('An activity needs an http(s) id')
  if (value.id.length > MAX_URL_LENGTH || value.type.length > 100) throw badRequest('An activity id or type is too long')

  const actorUrl = getActivityActorUrl(value)
  if (!actorUrl || !urlOrigin(actorUrl) || actorUrl.length > MAX_URL_LENGTH) throw badRequest('An activity needs an actor')

  return value as Activity
}
