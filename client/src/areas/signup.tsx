// Joining: log in and sign up.
import type { AppArea } from '../app/types.js'
import { lazyPage } from '../lazy.js'

const LoginPage = lazyPage(() => import('../pages/login-page.js'))
const SignupPage = lazyPage(() => import('../pages/signup/signup-page.js'))

export const signupArea: AppArea = {
  routes: [
    { pattern: '/login', render: () => <LoginPage /> },
    { pattern: '/signup', render: () => <SignupPage /> }
  ]
}
