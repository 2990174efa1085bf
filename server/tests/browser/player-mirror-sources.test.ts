import { expect } from 'chai'
import { MirrorSources } from '../../../client/src/player/mirror-sources.js'

/**
 * The player's choice between the origin and the mirrors (client/src/player/mirror-sources.ts), without a browser:
 * a failing source is left for the next, and so is one that answers too slowly to keep playback going, measured on
 * what it delivers, but never for nothing better. The browser test (storage-and-mirrors) plays through it.
 */
describe('The player\'s choice of a mirror', function () {
  const origin = 'http://127.0.0.1:9101/static/streaming-playlists/hls/u'
  const mirror = 'http://127.0.0.1:9102/static/redundancy/hls/u'
  const segment = (base: string) => `${base}/u-240-fragmented.mp4`

  it('leaves a source that keeps delivering slower than real time for the next one, not after a single slow download', function () {
    const sources = new MirrorSources([ origin, mirror ])
    expect(sources.rewrite(segment(origin))).to.equal(segment(origin))
    // 4 s of media in 6 s: slower than playback.
    expect(sources.reportThroughput(segment(origin), 4, 6000)).to.equal(false)
    expect(sources.current()).to.equal(origin)
    expect(sources.reportThroughput(segment(origin), 4, 6000)).to.equal(true)
    expect(sources.rewrite(segment(origin))).to.equal(segment(mirror))
  })

  it('keeps a source whose slow downloads alternate with fast ones, and one that has no faster alternative', function () {
    const sources = new MirrorSources([ origin, mirror ])
    for (let i = 0; i < 4; i++) {
      expect(sources.reportThroughput(segment(origin), 4, 6000)).to.equal(false)
      expect(sources.reportThroughput(segment(origin), 4, 500)).to.equal(false)
    }
    expect(sources.current()).to.equal(origin)

    // The mirror failed: a slow origin is still better than none.
    sources.reportFailure(segment(mirror))
    for (let i = 0; i < 3; i++) expect(sources.reportThroughput(segment(origin), 4, 6000)).to.equal(false)
    expect(sources.current()).to.equal(origin)

    const alone = new MirrorSources([ origin ])
    for (let i = 0; i < 3; i++) expect(alone.reportThroughput(segment(origin), 4, 6000)).to.equal(false)
  })

  it('counts a slow source\'s drops like failures: each one keeps it away longer', function () {
    const sources = new MirrorSources([ origin, mirror ])
    const realNow = Date.now
    let now = realNow()
    Date.now = () => now
    try {
      sources.reportThroughput(segment(origin), 4, 6000)
      expect(sources.reportThroughput(segment(origin), 4, 6000)).to.equal(true)
      now += 31_000
      expect(sources.current()).to.equal(origin)
      // Slow again as soon as it is back (its slow successes do not clear its record): away 60 s this time.
      sources.reportThroughput(segment(origin), 4, 6000)
      expect(sources.reportThroughput(segment(origin), 4, 6000)).to.equal(true)
      now += 31_000
      expect(sources.current()).to.equal(mirror)
      now += 30_000
      expect(sources.current()).to.equal(origin)
    } finally {
      Date.now = realNow
    }
  })
})
