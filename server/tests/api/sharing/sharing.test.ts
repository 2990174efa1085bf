import { captionCases } from './caption-cases.js'
import { chapterCases } from './chapter-cases.js'
import { feedCases } from './feed-cases.js'
import { linkPreviewCases } from './link-preview-cases.js'
import { SharingContext } from './sharing-context.js'
import { storyboardCases, storyboardRemovalCases } from './storyboard-cases.js'
import { embedApiCases } from './embed-api-cases.js'

describe('Reaching people outside the instance: feeds, link previews, captions, chapters, storyboards, embed API', function () {
  const ctx = new SharingContext()

  before(async function () {
    await ctx.setUp()
  })

  after(async function () {
    await ctx.tearDown()
  })

  describe('Feeds', function () {
    feedCases(ctx)
  })

  describe('Link previews, OEmbed and sitemap', function () {
    linkPreviewCases(ctx)
  })

  describe('Captions', function () {
    captionCases(ctx)
  })

  describe('Chapters', function () {
    chapterCases(ctx)
  })

  describe('Storyboards', function () {
    storyboardCases(ctx)
  })

  describe('Embed API (@peertube/embed-api in a page of another site)', function () {
    embedApiCases(ctx)
  })

  describe('Storyboard removal', function () {
    storyboardRemovalCases(ctx)
  })
})
