// Password reset, address verification and the contact form: the pages linked from e-mails.
import { api } from './http.js'

export const askResetPassword = (email: string) => api.post<void>('/users/ask-reset-password', { email }, { auth: false })
export const resetPassword = (userId: string, verificationString: string, password: string) =>
  api.post<void>(`/users/${encodeURIComponent(userId)}/reset-password`, { verificationString, password }, { auth: false })
export const verifyUserEmail = (userId: string, verificationString: string, isPendingEmail: boolean) =>
  api.post<void>(`/users/${encodeURIComponent(userId)}/verify-email`, { verificationString, isPendingEmail }, { auth: false })
export const verifyRegistrationEmail = (registrationId: string, verificationString: string) =>
  api.post<void>(`/users/registrations/${encodeURIComponent(registrationId)}/verify-email`, { verificationString }, { auth: false })
export const askSendVerifyEmail = (email: string) => api.post<void>('/users/ask-send-verify-email', { email }, { auth: false })
export const sendContactForm = (form: { fromEmail: string; fromName: string; subject: string; body: string }) =>
  api.post<void>('/server/contact', form, { auth: false })
