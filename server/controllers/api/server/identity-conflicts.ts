import { z } from 'zod'
import { UserRight } from '../../../../shared/models/users.js'
import { IDENTITY_CONFLICT_KINDS } from '../../../initializers/constants/federation.js'
import { listIdentityConflicts } from '../../../lib/activitypub/trust/identity-conflict-list.js'
import { paginationQuery } from '../../../middlewares/validation/fields.js'
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
