import { expect } from 'chai'
import { createConcurrencyLimit } from '../../helpers/concurrency-limit.js'

describe('Concurrency limit', function () {
  it('runs at most max calls at once, the others in order, and frees a slot when a call fails', async function () {
    const run = createConcurrencyLimit(2)
    let active = 0
    let peak = 0
    const started: number[] = []
    const task = (i: number, fail = false) => run(async () => {
      started.push(i)
      active++
      peak = Math.max(peak, active)
      await new Promise(resolve => setTimeout(resolve, 20))
      active--
      if (fail) throw new Error(`task ${i} failed`)
      return i
    })

    const results = await Promise.allSettled([ task(1, true), task(2), task(3), task(4), task(5) ])
    expect(peak).to.equal(2)
    expect(started).to.deep.equal([ 1, 2, 3, 4, 5 ])
    expect(results.map(r => r.status)).to.deep.equal([ 'rejected', 'fulfilled', 'fulfilled', 'fulfilled', 'fulfilled' ])
  })
})
