import request from 'supertest'
import { InstanceProcess, type InstanceStartOptions } from '../../../scripts/local-cluster/instance-process.js'
import { TEST_SLOT, testServices } from './test-services.js'

/**
 * A real instance for tests: its own process, reached over HTTP only, like a deployed one. Adds the helpers
 * tests use: an HTTP client, the root token, and direct SQL for checking what was (not) written.
 */
export class TestInstance extends InstanceProcess {
  accessToken = ''

  constructor (n: number) {
    super(n, testServices, TEST_SLOT)
  }

  /** A fresh instance (empty database, Redis and storage), started, with root logged in. */
  async flushAndStart (options: InstanceStartOptions = {}) {
    await this.flush()
    await this.start(options)
    this.accessToken = await this.login('root', this.rootPassword)
  }

  api () {
    return request(this.url)
  }

  /** Logs in with the password grant and returns the access token. */
  async login (username: string, password: string) {
    const client = await this.api().get('/api/v1/oauth-clients/local').expect(200)
    const res = await this.api()
      .post('/api/v1/users/token')
      .type('form')
      .send({ client_id: client.body.client_id, client_secret: client.body.client_secret, grant_type: 'password', username, password })
    if (res.status !== 200) throw new Error(`Login of ${username} failed: ${res.status} ${JSON.stringify(res.body)}`)
    return res.body.access_token as string
  }

  async sql<T extends Record<string, unknown>> (query: string, values: unknown[] = []) {
    return testServices.query<T>(this.databaseName, query, values)
  }
}

/** Instances 1..count, for federation tests. */
export function createInstances (count: number) {
  return Array.from({ length: count }, (_, i) => new TestInstance(i + 1))
}
