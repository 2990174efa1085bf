import { z } from 'zod'
import { UserRight } from '../../../../shared/models/users.js'
import { IDENTITY_CONFLICT_KINDS } from '../../../initializers/constants/federation.js'
import { chooseUuidHolder } from '../../../lib/activitypub/trust/resolve-uuid-conflict.js'
import { formatIdentityConflict, listIdentityConflicts } from '../../../lib/activitypub/trust/identity-conflict-list.js'
import { paginationQuery, positiveIntId } from '../../../middlewares/validation/fields.js'
import { ApiRouter } from '../../shared/api-router.js'

/** Remote objects that claimed an identifier another origin holds here (video uuids, handles, hosts). */
export const identityConflictsRouter = new ApiRouter('/api/v1')

identityConflictsRouter.get('/server/identity-conflicts', {
  operationId: 'getIdentityConflicts',
  summary: 'List the uuids, handles and hosts a second origin claimed: who holds each, who claimed it, what was done',
  tags: [ 'Instance Follows' ],
  auth: 'required',
  right: UserRight.MANAGE_SERVER_FOLLOW,
  query: paginationQuery([ 'createdAt', 'updatedAt', 'occurrences' ], '-updatedAt').extend({
    kind: z.enum(IDENTITY_CONFLICT_KINDS, { message: `Should have a kind among: ${IDENTITY_CONFLICT_KINDS.join(', ')}` }).optional()
  })
}, async ({ query }, _req, res) => {
  res.json(await listIdentityConflicts(query))
})

identityConflictsRouter.put('/server/identity-conflicts/:conflictId/holder', {
  operationId: 'putIdentityConflictHolder',
  summary: 'Choose which origin\'s video holds a contested uuid here (the other one takes the substitute)',
  description: 'holderUrl is the URL of the conflict\'s holder (the rule\'s choice is confirmed) or of its claimant (the two ' +
    'videos swap uuids). Local videos and videos mirrored here keep their uuid (409).',
  tags: [ 'Instance Follows' ],
  auth: 'required',
  right: UserRight.MANAGE_SERVER_FOLLOW,
  params: z.object({ conflictId: positiveIntId }),
  body: z.object({ holderUrl: z.string().min(1).max(2000) }).strict(),
  responses: { 200: 'The conflict as it now stands', 404: 'No such conflict', 409: 'Not a uuid conflict, or the uuid cannot move' }
}, async ({ params, body }, _req, res) => {
  res.json(formatIdentityConflict(await chooseUuidHolder(params.conflictId, body.holderUrl)))
})
