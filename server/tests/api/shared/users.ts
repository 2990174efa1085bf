import type { TestInstance } from '../../shared/test-instance.js'

// Small helpers for tests about users, accounts and channels: each does one API call and checks its status.

export function auth (token: string) {
  return { Authorization: `Bearer ${token}` }
}

export interface CreatedUser {
  id: number
  accountId: number
  username: string
  password: string
  token: string
}

/** Creates a user through POST /api/v1/users as `asToken` (root's by default) and logs them in. */
export async function createUser (instance: TestInstance, username: string, options: {
  role?: number
  password?: string
  videoQuota?: number
  videoQuotaDaily?: number
  asToken?: string
} = {}): Promise<CreatedUser> {
  const password = options.password ?? 'password1'
  const res = await instance.api()
    .post('/api/v1/users')
    .set(auth(options.asToken ?? instance.accessToken))
    .send({
      username,
      password,
      email: `${username}@example.com`,
      role: options.role ?? 2,
      videoQuota: options.videoQuota,
      videoQuotaDaily: options.videoQuotaDaily
    })
  if (res.status !== 200) throw new Error(`Cannot create ${username}: ${res.status} ${JSON.stringify(res.body)}`)

  const token = await instance.login(username, password)
  return { id: res.body.user.id, accountId: res.body.user.account.id, username, password, token }
}

export async function localClient (instance: TestInstance) {
  const res = await instance.api().get('/api/v1/oauth-clients/local').expect(200)
  return { client_id: res.body.client_id as string, client_secret: res.body.client_secret as string }
}

/** POST /api/v1/users/token with the local client; checks the status when one is expected. */
export async function tokenRequest (instance: TestInstance, fields: Record<string, string>, expectedStatus?: number) {
  const request = instance.api().post('/api/v1/users/token').type('form').send({ ...await localClient(instance), ...fields })
  return expectedStatus === undefined ? request : request.expect(expectedStatus)
}
