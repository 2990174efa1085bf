// Joining: log in, sign up, and the pages of the account e-mails (address verification, password reset).
import type { AppArea } from '../app/types.js'
import { lazyPage } from '../lazy.js'

const LoginPage = lazyPage(() => import('../pages/login-page.js'))
const SignupPage = lazyPage(() => import('../pages/signup/signup-page.js'))
const ForgotPasswordPage = lazyPage(() => import('../pages/account/forgot-password-page.js'))
const ResetPasswordPage = lazyPage(() => import('../pages/account/reset-password-page.js'))
const VerifyEmailPage = lazyPage(() => import('../pages/account/verify-email-page.js'))

export const signupArea: AppArea = {
  routes: [
    { pattern: '/login', render: () => <LoginPage /> },
    { pattern: '/signup', render: () => <SignupPage /> },
    // The links of the e-mails (password reset, address verification) and the way to ask for them.
    { pattern: '/login/forgot-password', render: () => <ForgotPasswordPage /> },
    { pattern: '/reset-password', render: () => <ResetPasswordPage /> },
    { pattern: '/verify-account/email', render: () => <VerifyEmailPage /> }
  ]
}
