import { z } from 'zod'
import { CONTACT_FORM } from '../../../initializers/constants/emails.js'
import { sendContactForm } from '../../../lib/server-config/contact-form.js'
import { emailField } from '../../../middlewares/validation/users.js'
import { ApiRouter } from '../../shared/api-router.js'

export const contactRouter = new ApiRouter('/api/v1')

const text = (field: string, limits: { min: number, max: number }) => z.string({ message: `Should have a ${field}` }).trim()
  .min(limits.min, `Should have a ${field} of ${limits.min} to ${limits.max} characters`)
  .max(limits.max, `Should have a ${field} of ${limits.min} to ${limits.max} characters`)

contactRouter.post('/server/contact', {
  operationId: 'contactAdministrator',
  summary: 'Send a message to the administrator of this instance (by e-mail)',
  tags: [ 'Instance' ],
  auth: 'none',
  body: z.object({
    fromEmail: emailField,
    fromName: text('name', CONTACT_FORM.FROM_NAME),
    subject: text('subject', CONTACT_FORM.SUBJECT),
    body: text('body', CONTACT_FORM.BODY)
  }),
  responses: { 204: 'Sent', 403: 'A message was sent from this address recently', 409: 'Contact form or e-mail disabled' }
}, async ({ body }, req, res) => {
  await sendContactForm(body, req.ip ?? 'unknown')
  res.sendStatus(204)
})
