import { testServices } from './test-services.js'

/** Mocha root hooks: the shared PostgreSQL and Redis live for the whole run. */
export const mochaHooks = {
  async beforeAll (this: Mocha.Context) {
    this.timeout(120_000)
    await testServices.start()
  },
  async afterAll (this: Mocha.Context) {
    this.timeout(60_000)
    await testServices.stop()
  }
}
