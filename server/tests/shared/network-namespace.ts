import { networkInterfaces } from 'node:os'

/**
 * Tests that peer over WebRTC or BitTorrent must run where nothing but loopback exists (scripts/run-tests.mjs
 * puts the whole suite in such a namespace). This refuses to go on anywhere else, so such a test can never
 * talk to another machine by accident.
 */
export function assertLoopbackOnlyNetwork () {
  const interfaces = Object.keys(networkInterfaces())
  if (interfaces.some(name => name !== 'lo')) {
    throw new Error(`This test peers over WebRTC/BitTorrent and must run in a loopback-only network namespace (found: ${interfaces.join(', ')}). Use npm test or node scripts/run-tests.mjs.`)
  }
}
