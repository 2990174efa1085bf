import { expect } from 'chai'
import { storyboardLayout } from '../../lib/storyboards/storyboard-layout.js'
import { parseStoryboardPreview } from '../../lib/storyboards/remote-storyboards.js'

describe('Storyboard layout and the Video object\'s preview (no instance)', function () {
  const landscape = { width: 1280, height: 720 }

  it('cuts videos as PeerTube does: one sprite a second up to 121, then every N s, in the smallest grid', function () {
    expect(storyboardLayout(2.9, landscape)).to.equal(null)
    expect(storyboardLayout(3, landscape)).to.deep.equal({ spriteDuration: 1, totalSprites: 3, columns: 3, rows: 1, spriteWidth: 192, spriteHeight: 108 })
    expect(storyboardLayout(12, landscape)).to.include({ spriteDuration: 1, totalSprites: 12, columns: 6, rows: 2 })
    expect(storyboardLayout(200, landscape)).to.include({ spriteDuration: 2, totalSprites: 100, columns: 10, rows: 10 })
    expect(storyboardLayout(3600, landscape)).to.include({ spriteDuration: 30, totalSprites: 120, columns: 11, rows: 11 })
    // Portrait: the height is the 192 px side.
    expect(storyboardLayout(10, { width: 720, height: 1280 })).to.include({ spriteWidth: 108, spriteHeight: 192 })
  })

  it('reads PeerTube\'s storyboard preview and ignores what does not hold together', function () {
    const link = { mediaType: 'image/jpeg', href: 'http://127.0.0.1:9001/lazy-static/storyboards/a.jpg', width: 576, height: 108, tileWidth: 192, tileHeight: 108, tileDuration: 'PT1S' }
    const preview = (url: object) => [ { type: 'Image', rel: [ 'storyboard' ], url: [ url ] } ]
    expect(parseStoryboardPreview(preview(link))).to.deep.equal({
      url: link.href, totalWidth: 576, totalHeight: 108, spriteWidth: 192, spriteHeight: 108, spriteDuration: 1
    })
    expect(parseStoryboardPreview(undefined)).to.equal(null)
    expect(parseStoryboardPreview([ { type: 'Image', rel: [ 'thumbnail' ], url: [ link ] } ])).to.equal(null)
    expect(parseStoryboardPreview(preview({ ...link, mediaType: 'image/png' }))).to.equal(null)
    expect(parseStoryboardPreview(preview({ ...link, href: 'file:///etc/passwd' }))).to.equal(null)
    expect(parseStoryboardPreview(preview({ ...link, tileWidth: 1000 }))).to.equal(null)
    expect(parseStoryboardPreview(preview({ ...link, tileDuration: 'soon' }))).to.equal(null)
    expect(parseStoryboardPreview(preview({ ...link, width: -5 }))).to.equal(null)
  })
})
