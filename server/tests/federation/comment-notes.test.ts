import { expect } from 'chai'
import { htmlToMarkdown } from '../../helpers/text/html-to-markdown.js'
import { extractMentions } from '../../helpers/text/mentions.js'
import { parseCommentObject } from '../../lib/activitypub/comments/parse-comment-object.js'
import { loadReference } from './shared/reference.js'

// What we keep of the Notes other servers send (no instance needed): PeerTube's Markdown as it is, Mastodon's
// HTML as Markdown text with nothing of the HTML left, and the handles a comment mentions.

describe('Reading remote Notes as comments', function () {
  it('keeps a PeerTube 6.3 reply as it is: Markdown, its parent, its author, its mention', function () {
    const note = loadReference<Record<string, unknown>>('ap-video-comment-reply.json')
    const data = parseCommentObject(note)
    expect(data).to.include({
      url: note.id,
      inReplyTo: note.inReplyTo,
      text: 'A reply from PT2',
      authorUrl: note.attributedTo,
      deleted: false,
      isPublic: true,
      replyApproval: null
    })
    expect(data.mentionedUrls).to.deep.equal([ 'http://127.0.0.1:9101/accounts/root' ])
  })

  it('reads PeerTube\'s Tombstone as a deletion that keeps its place', function () {
    const data = parseCommentObject(loadReference('ap-video-comment-tombstone.json'))
    expect(data).to.include({ deleted: true, text: '', authorUrl: null })
    expect(data.inReplyTo).to.match(/\/videos\/watch\//)
  })

  it('turns Mastodon\'s HTML into plain Markdown: mentions as handles, links kept, markup and scripts gone', function () {
    const html = '<p><span class="h-card"><a href="https://video.example/accounts/root" class="u-url mention">@<span>root</span></a></span> ' +
      'Great &amp; <strong>bold</strong> <a href="https://example.org/a/long/path"><span class="invisible">https://</span>' +
      '<span class="ellipsis">example.org/a/lo</span><span class="invisible">ng/path</span></a></p>' +
      '<p>Second line<br>third <a href="https://example.org/page">a page</a><script>alert(1)</script><img src=x onerror=alert(1)></p>'
    const mentions = new Map([ [ 'https://video.example/accounts/root', '@root@video.example' ] ])
    expect(htmlToMarkdown(html, mentions)).to.equal(
      '@root@video.example Great & bold https://example.org/a/long/path\n\nSecond line\nthird [a page](https://example.org/page)'
    )
    expect(htmlToMarkdown('<a href="javascript:alert(1)">click</a> &lt;b&gt;')).to.equal('click <b>')
  })

  it('refuses Notes without content, author or parent, and tells direct messages apart', function () {
    const note = { type: 'Note', id: 'https://social.example/notes/1', attributedTo: 'https://social.example/users/a', inReplyTo: 'https://video.example/videos/watch/x', published: '2026-01-01T00:00:00Z', content: '<p>Hi</p>', to: [ 'https://www.w3.org/ns/activitystreams#Public' ] }
    expect(parseCommentObject(note).text).to.equal('Hi')
    expect(() => parseCommentObject({ ...note, content: '<p> </p>' })).to.throw(/empty content/)
    expect(() => parseCommentObject({ ...note, attributedTo: undefined })).to.throw(/no author/)
    expect(() => parseCommentObject({ ...note, attributedTo: 'https://elsewhere.example/users/a' })).to.throw(/not on its origin/)
    expect(() => parseCommentObject({ ...note, inReplyTo: undefined })).to.throw(/replies to nothing/)
    expect(parseCommentObject({ ...note, to: [ 'https://video.example/accounts/root' ] }).isPublic).to.equal(false)
    // Addressed on the activity only: still public.
    expect(parseCommentObject({ ...note, to: undefined }, { to: [ 'https://www.w3.org/ns/activitystreams#Public' ] }).isPublic).to.equal(true)
  })

  it('finds the handles a comment mentions, once each', function () {
    expect(extractMentions('Hi @alice and @bob@video.example:9001, again @alice. mail a@b.c', 10)).to.deep.equal([
      { name: 'alice', host: undefined },
      { name: 'bob', host: 'video.example:9001' }
    ])
    expect(extractMentions('@a @b @c', 2)).to.have.length(2)
  })
})
