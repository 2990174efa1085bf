import { SharedServices } from '../../../scripts/local-cluster/shared-services.js'

/**
 * TUBELESS_TEST_SLOT=k (k > 0) gives a test run its own PostgreSQL/Redis, ports and storage, so several runs can
 * share one machine (see TestInstance).
 */
export const TEST_SLOT = parseInt(process.env.TUBELESS_TEST_SLOT ?? '0', 10)

const globals = globalThis as typeof globalThis & { tubelessTestServices?: SharedServices }

/**
 * The PostgreSQL and Redis servers of the whole test run (started by the root hooks). Kept on globalThis: mocha
 * may load this module twice (required by the root hooks, imported by ESM-only test files), and both copies must
 * share one set of servers.
 */
export const testServices = globals.tubelessTestServices ??= new SharedServices(TEST_SLOT === 0 ? 'test-services' : `slot-${TEST_SLOT}/test-services`)
