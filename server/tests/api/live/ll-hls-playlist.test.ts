import { expect } from 'chai'
import { buildLiveMediaPlaylist, declaredPartTarget, type MediaPlaylistState } from '../../../lib/live/ladder/live-media-playlist.js'

// The small-latency media playlist against what RFC 8216bis and hls.js need (no instance: the text from a state
// like the packager's, with parts a frame longer and shorter than asked, as ffmpeg cuts them at 25 fps).

const part = (msn: number, index: number, duration: number) => ({ name: `p-${msn}.${index}.m4s`, duration, independent: index === 0 })
const segment = (msn: number) => ({ msn, name: `p-${msn}.m4s`, duration: 1, programDateTime: Date.UTC(2026, 0, 1, 0, 0, msn), parts: [ part(msn, 0, 0.52), part(msn, 1, 0.48) ] })

function playlistOf (state: Partial<MediaPlaylistState>) {
  return buildLiveMediaPlaylist({ initName: 'p-init.mp4', segments: [ segment(4), segment(5), segment(6) ], pending: undefined, targetDuration: 1, partTarget: 0.5, ended: false, ...state })
}

describe('LL-HLS media playlist', function () {
  it('declares a part target no part exceeds, with a hold-back of three targets', function () {
    const text = playlistOf({ nextPartName: 'p-7.0.m4s' })
    const target = Number(/#EXT-X-PART-INF:PART-TARGET=([\d.]+)/.exec(text)![1])
    const parts = [ ...text.matchAll(/#EXT-X-PART:DURATION=([\d.]+)/g) ].map(m => Number(m[1]))
    expect(parts).to.have.length(6)
    expect(Math.max(...parts)).to.be.at.most(target)
    // Every part but the last of its segment lasts at least 85 % of the target.
    expect(0.48 / target).to.be.at.least(0.85)
    expect(target).to.equal(declaredPartTarget(0.5))
    expect(text).to.include(`PART-HOLD-BACK=${(target * 3).toFixed(3)}`)
    expect(text).to.include('#EXT-X-MEDIA-SEQUENCE:4')
    expect(text.match(/INDEPENDENT=YES/g)).to.have.length(3)
  })

  it('always ends a running live\'s playlist with a preload hint of the next part, after a complete segment or a pending one', function () {
    const complete = playlistOf({ nextPartName: 'p-7.0.m4s' }).trimEnd().split('\n')
    expect(complete.at(-2)).to.equal('p-6.m4s')
    expect(complete.at(-1)).to.equal('#EXT-X-PRELOAD-HINT:TYPE=PART,URI="p-7.0.m4s"')

    const pending = playlistOf({ pending: { msn: 7, programDateTime: Date.UTC(2026, 0, 1, 0, 0, 7), parts: [ part(7, 0, 0.52) ] }, nextPartName: 'p-7.1.m4s' }).trimEnd().split('\n')
    expect(pending.slice(-3)).to.deep.equal([
      '#EXT-X-PROGRAM-DATE-TIME:2026-01-01T00:00:07.000Z',
      '#EXT-X-PART:DURATION=0.520,URI="p-7.0.m4s",INDEPENDENT=YES',
      '#EXT-X-PRELOAD-HINT:TYPE=PART,URI="p-7.1.m4s"'
    ])

    const ended = playlistOf({ ended: true, nextPartName: 'p-7.0.m4s' })
    expect(ended).to.not.include('PRELOAD-HINT')
    expect(ended.trimEnd().endsWith('#EXT-X-ENDLIST')).to.equal(true)
  })
})
