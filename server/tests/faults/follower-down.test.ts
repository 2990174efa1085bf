import { join } from 'node:path'
import { expect } from 'chai'
import { follow, waitForFollow } from '../federation/shared/follows.js'
import { TestInstance } from '../shared/test-instance.js'
import { uploadVideo } from '../shared/videos.js'
import { waitUntil } from '../shared/wait.js'
import { generateClip, makeTempDir, removeDir } from '../video-pipeline/fixtures.js'
import { expectFollowerInSync, FAULT_INSTANCE_CONFIG, FULL_FAULT_SUITE, waitForOriginSettled } from './shared/convergence.js'

/**
 * A follower down for longer than the fast retries get everything once it is back, without an administrator:
 * deliveries park on a slow schedule and are released when the server is seen again (it delivers to us, or
 * answers the periodic probe).
 */
describe('A follower down for long gets everything when it is back', function () {
  const origin = new TestInstance(1)
  const follower = new TestInstance(2)
  let dir: string
  let clip: string
  // Fast retries last about 1.5 s here; the follower stays down far longer.
  const originConfig = { ...FAULT_INSTANCE_CONFIG, federation: { delivery: { backoff: '500 milliseconds', attempts: 3, unreachable_after: '5 seconds' } } }

  before(async function () {
    dir = await makeTempDir('follower-down')
    clip = await generateClip(join(dir, 'clip.mp4'), { width: 640, height: 360, durationSeconds: 2, fps: 25 })
    await Promise.all([ origin.flushAndStart({ config: originConfig }), follower.flushAndStart({ config: FAULT_INSTANCE_CONFIG }) ])
    await follow(follower, { hosts: [ origin.host ] })
    await waitForFollow(follower, 'following', origin.host, 'accepted')
  })

  after(async function () {
    await Promise.all([ origin.stop(), follower.stop() ])
    await removeDir(dir)
  })

  it(`delivers the ${FULL_FAULT_SUITE ? 'ten minutes' : 'few seconds'} of activities a stopped follower missed, once it is back`, async function () {
    // Short form: back soon after its deliveries parked, before their first slow retry (10 s): what brings them is
    // the release when the server is seen again.
    const downMs = FULL_FAULT_SUITE ? 10 * 60_000 : 2_000
    this.timeout(downMs + 180_000)
    await follower.stop()

    for (const name of [ 'Missed one', 'Missed two', 'Missed three' ]) {
      expect((await uploadVideo(origin, clip, { name })).status).to.equal(200)
    }
    await waitForOriginSettled(origin, 120_000, { ignoreDeliveries: true })
    // Everything it could not deliver is parked: nothing queued for ever, nothing dropped.
    const parked = await waitUntil(async () => {
      const res = await origin.api().get('/api/v1/server/delivery-health').set('Authorization', `Bearer ${origin.accessToken}`).expect(200)
      const health = res.body.data.find((s: { host: string }) => s.host === follower.host)
      return health?.parkedDeliveries > 0 && health.failingSince ? health : undefined
    }, 60_000, 500)
    expect(parked.parkedDeliveries).to.be.greaterThan(0)

    await new Promise(resolve => setTimeout(resolve, downMs))
    const restarted = Date.now()
    await follower.start()
    await expectFollowerInSync(origin, follower, 60_000)
    console.log(`      ${parked.parkedDeliveries} parked deliveries; all three videos on the follower ${Date.now() - restarted} ms after it restarted`)

    const res = await origin.api().get('/api/v1/server/delivery-health').set('Authorization', `Bearer ${origin.accessToken}`).expect(200)
    expect(res.body.data.filter((s: { host: string, parkedDeliveries: number }) => s.host === follower.host && s.parkedDeliveries > 0)).to.deep.equal([])
  })
})
