import { UserRight, UserRole } from '../../../../shared/models/users.js'
import { CONFIG } from '../../../initializers/config/index.js'
import { notifyNewRegistrationRequest, notifyNewUserRegistration } from '../../../lib/notifications/index.js'
import { unitOfWork } from '../../../lib/unit-of-work/unit-of-work.js'
import { queueVerifyRegistrationEmail, queueVerifyUserEmail } from '../../../lib/users/account-emails.js'
import { createLocalUser } from '../../../lib/users/create-local-user.js'
import { acceptRegistration, deleteRegistration, rejectRegistration, requestRegistration } from '../../../lib/users/registrations.js'
import { ensureSignupAllowed } from '../../../lib/users/signup.js'
import {
  listRegistrationsQuery, moderateRegistrationBody, registerUserBody, registrationIdParams, registrationRequestBody
} from '../../../middlewares/validation/users.js'
import { formatUserRegistration } from '../../../models/user/formatters/user-registration-formatter.js'
import { UserRegistrationModel } from '../../../models/user/user-registration.js'
import { ApiRouter } from '../../shared/api-router.js'

/** Sign-up: direct (signup.enabled) or by request approved by a moderator (signup.requires_approval). */
export const registrationsRouter = new ApiRouter('/api/v1')

registrationsRouter.post('/users/register', {
  operationId: 'registerUser',
  summary: 'Register a user (signup enabled, no approval required)',
  tags: [ 'Register' ],
  auth: 'none',
  body: registerUserBody,
  responses: { 204: 'Registered', 400: 'Invalid field', 403: 'Signup closed, needing approval, or user limit reached', 409: 'Username, email or channel name taken' }
}, async ({ body }, _req, res) => {
  await ensureSignupAllowed('direct-registration')

  // With verification required, the account exists at once but cannot log in before its address is verified.
  const requiresVerification = CONFIG.signup.requires_email_verification
  const { user } = await createLocalUser({
    username: body.username,
    email: body.email,
    password: body.password,
    role: UserRole.USER,
    displayName: body.displayName,
    channel: body.channel,
    emailVerified: requiresVerification ? false : null
  })
  await unitOfWork(async () => {
    if (requiresVerification) await queueVerifyUserEmail(user)
    await notifyNewUserRegistration(user)
  })
  res.sendStatus(204)
})

registrationsRouter.post('/users/registrations/request', {
  operationId: 'requestRegistration',
  summary: 'Request a registration, for a moderator to accept or reject',
  tags: [ 'Register' ],
  auth: 'none',
  body: registrationRequestBody,
  responses: { 200: 'The registration', 400: 'Invalid field, or approval not enabled', 403: 'Signup closed or user limit reached', 409: 'Username, email or channel name taken' }
}, async ({ body }, _req, res) => {
  await ensureSignupAllowed('request-registration')

  const registration = await requestRegistration(body, { emailVerified: CONFIG.signup.requires_email_verification ? false : null })
  await unitOfWork(async () => {
    if (CONFIG.signup.requires_email_verification) await queueVerifyRegistrationEmail(registration)
    await notifyNewRegistrationRequest(registration)
  })
  res.json(formatUserRegistration(registration))
})

registrationsRouter.get('/users/registrations', {
  operationId: 'listRegistrations',
  summary: 'List registrations',
  tags: [ 'Register' ],
  auth: 'required',
  right: UserRight.MANAGE_REGISTRATIONS,
  query: listRegistrationsQuery
}, async ({ query }, _req, res) => {
  const { total, data } = await UserRegistrationModel.listForApi(query)
  res.json({ total, data: data.map(formatUserRegistration) })
})

registrationsRouter.post('/users/registrations/:registrationId/accept', {
  operationId: 'acceptRegistration',
  summary: 'Accept a registration: the user is created',
  tags: [ 'Register' ],
  auth: 'required',
  right: UserRight.MANAGE_REGISTRATIONS,
  params: registrationIdParams,
  body: moderateRegistrationBody,
  responses: { 204: 'Accepted', 400: 'Already accepted or rejected', 404: 'No such registration', 409: 'A name was taken meanwhile' }
}, async ({ params, body }, _req, res) => {
  await acceptRegistration(params.registrationId, body.moderationResponse)
  res.sendStatus(204)
})

registrationsRouter.post('/users/registrations/:registrationId/reject', {
  operationId: 'rejectRegistration',
  summary: 'Reject a registration',
  tags: [ 'Register' ],
  auth: 'required',
  right: UserRight.MANAGE_REGISTRATIONS,
  params: registrationIdParams,
  body: moderateRegistrationBody,
  responses: { 204: 'Rejected', 400: 'Already accepted or rejected', 404: 'No such registration' }
}, async ({ params, body }, _req, res) => {
  await rejectRegistration(params.registrationId, body.moderationResponse)
  res.sendStatus(204)
})

registrationsRouter.delete('/users/registrations/:registrationId', {
  operationId: 'deleteRegistration',
  summary: 'Delete a registration (a user created from it stays)',
  tags: [ 'Register' ],
  auth: 'required',
  right: UserRight.MANAGE_REGISTRATIONS,
  params: registrationIdParams,
  responses: { 204: 'Deleted', 404: 'No such registration' }
}, async ({ params }, _req, res) => {
  await deleteRegistration(params.registrationId)
  res.sendStatus(204)
})
