import { join } from 'node:path'
import { expect } from 'chai'
import { TestInstance } from '../../shared/test-instance.js'
import { firstChannelId, uploadVideo, waitForLadder } from '../../shared/videos.js'
import { generateClip, makeTempDir, removeDir } from '../../video-pipeline/fixtures.js'
import { runListIndexesMigration, runNamePostingsMigration } from './shared/list-indexes-migration.js'

const ONLY_240P = { transcoding: { resolutions: { '240p': true, '360p': false, '480p': false, '720p': false, '1080p': false, '1440p': false, '2160p': false } } }
const BULK = 1500
/** The bulk, the plain "Linux" one and the uploaded one. */
const ALL = BULK + 2

interface Item { id: number, uuid: string, name: string, views: number, duration: number, publishedAt: string }
type ListBody = { total: number, data: Item[] }

// 1,500 videos written straight into the database (as federation would bring them, without 1,500 uploads), one
// uploaded through the API: enough to pass the exact-count bound (1,000) and to page through.
describe('Video lists and search at scale: totals, pages, sorts, typos, accents and tags', function () {
  const instance = new TestInstance(1)
  let dir: string
  let uploaded: Item

  const list = async (path: string, query: Record<string, unknown>) => (await instance.api().get(path).query(query).expect(200)).body as ListBody
  const videos = (query: Record<string, unknown>) => list('/api/v1/videos', query)
  const search = (query: Record<string, unknown>) => list('/api/v1/search/videos', query)

  before(async function () {
    dir = await makeTempDir('lists-at-scale')
    const clip = await generateClip(join(dir, 'clip.mp4'), { width: 320, height: 240, durationSeconds: 1 })
    await instance.flushAndStart({ config: ONLY_240P })

    const res = await uploadVideo(instance, clip, { name: 'Hovercraft full of eels', extra: { category: 18, tags: 'eels' } })
    expect(res.status, JSON.stringify(res.body)).to.equal(200)
    await waitForLadder(instance, res.body.video.uuid, [ 240 ])

    const channelId = await firstChannelId(instance)
    await instance.sql(`
      INSERT INTO video (uuid, name, category, privacy, nsfw, duration, views, likes, dislikes, remote, url, "commentsEnabled",
        "downloadEnabled", "waitTranscoding", state, "channelId", "publishedAt", "createdAt", "updatedAt")
      SELECT gen_random_uuid(),
        CASE WHEN i % 10 = 0 THEN 'Linux tutorial part ' || i WHEN i % 10 = 1 THEN 'Un éléphant à la plage ' || i ELSE 'Random clip ' || i END,
        i % 3 + 1, 1, false, (i * 7) % 600, i, 0, 0, false, 'http://localhost:9001/videos/watch/bulk-' || i, true, true, false, 1, $1,
        now() - i * interval '1 minute', now(), now()
      FROM generate_series(1, ${BULK}) AS i`, [ channelId ])
    // An old video named just "Linux": relevance must bring it first, before newer "Linux tutorial part ..." ones.
    await instance.sql(`
      INSERT INTO video (uuid, name, privacy, nsfw, duration, views, likes, dislikes, remote, url, "commentsEnabled", "downloadEnabled",
        "waitTranscoding", state, "channelId", "publishedAt", "createdAt", "updatedAt")
      VALUES (gen_random_uuid(), 'Linux', 1, false, 60, 3, 0, 0, false, 'http://localhost:9001/videos/watch/plain-linux', true, true, false, 1, $1,
        now() - interval '65 minutes', now(), now())`, [ channelId ])
    await instance.sql(`INSERT INTO tag (name, "createdAt", "updatedAt") VALUES ('Gaming', now(), now()), ('retro', now(), now()) ON CONFLICT DO NOTHING`)
    await instance.sql(`
      INSERT INTO "videoTag" ("videoId", "tagId", "createdAt", "updatedAt")
      SELECT v.id, t.id, now(), now() FROM video v JOIN tag t ON (t.name = 'Gaming' AND v.views % 5 = 0) OR (t.name = 'retro' AND v.views % 7 = 0)
      WHERE v.url LIKE '%/bulk-%'`)
    await instance.sql('ANALYZE video')

    uploaded = (await search({ search: 'hovercraft' })).data[0]
  })

  after(async function () {
    await instance.stop()
    await removeDir(dir)
  })

  it('counts exactly up to 1,000 matches', async function () {
    expect((await videos({ categoryOneOf: 1 })).total).to.equal(500)
    expect((await videos({ categoryOneOf: [ 1, 2 ] })).total).to.equal(1000)
    expect((await videos({ tagsOneOf: 'gaming' })).total).to.equal(300)
    expect((await videos({ tagsAllOf: [ 'GAMING', 'retro' ] })).total).to.equal(42)
  })

  it('estimates larger totals without ever stopping a client early, and is exact again at the end', async function () {
    const seen = new Set<number>()
    let start = 0
    for (;;) {
      const page = await videos({ start, count: 100 })
      for (const video of page.data) seen.add(video.id)
      if (page.data.length < 100) {
        expect(page.total, 'last page').to.equal(start + page.data.length)
        break
      }
      // A client that pages while start + count < total reaches every video (there is always one more here).
      expect(page.total, `total at start=${start}`).to.be.greaterThan(start + 100)
      expect(page.total).to.be.greaterThan(1000)
      start += 100
    }
    expect(seen.size).to.equal(ALL)

    const past = await videos({ start: 5000, count: 10 })
    expect(past.data).to.have.length(0)
    expect(past.total).to.equal(ALL)
  })

  it('gives a cheap lower bound with skipCount', async function () {
    const page = await videos({ start: 10, count: 5, skipCount: 'true' })
    expect(page.data).to.have.length(5)
    expect(page.total).to.equal(16)
  })

  for (const sort of [ '-views', 'views', 'name', '-duration', '-publishedAt', 'createdAt', '-likes', '-originallyPublishedAt', '-trending' ]) {
    it(`pages sorted by ${sort} follow each other without gaps or repeats`, async function () {
      const pages = [ await videos({ sort, start: 0, count: 40 }), await videos({ sort, start: 40, count: 40 }) ]
      const both = await videos({ sort, start: 0, count: 80 })
      expect([ ...pages[0].data, ...pages[1].data ].map(v => v.id)).to.deep.equal(both.data.map(v => v.id))

      const key = sort.replace(/^-/, '').replace('trending', 'views') as 'views' | 'name' | 'duration' | 'publishedAt'
      if ([ 'views', 'name', 'duration', 'publishedAt' ].includes(key)) {
        const values = both.data.map(v => v[key])
        const ordered = [ ...values ].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
        expect(values).to.deep.equal(sort.startsWith('-') ? ordered.reverse() : ordered)
      }
    })
  }

  it('finds every word of the name, whatever the case, word order or accents, the last word as a prefix', async function () {
    expect((await search({ search: 'linux' })).total).to.equal(151)
    for (const query of [ 'LINUX TUTORIAL', 'tutorial linux', 'linux tutor' ]) {
      const res = await search({ search: query, count: 5 })
      expect(res.total, query).to.equal(150)
      expect(res.data.every(v => v.name.startsWith('Linux tutorial part')), query).to.equal(true)
    }
    for (const query of [ 'elephant plage', 'ÉLÉPHANT', 'éléphant' ]) {
      expect((await search({ search: query })).total, query).to.equal(150)
    }
  })

  it('tolerates typos, in one word and in several', async function () {
    for (const query of [ 'linx', 'linx tutorial', 'hovercaft' ]) {
      const res = await search({ search: query, count: 50 })
      expect(res.total, query).to.be.greaterThan(0)
      const expected = query === 'hovercaft' ? 'Hovercraft full of eels' : 'Linux tutorial part'
      expect(res.data.some(v => v.name.startsWith(expected)), query).to.equal(true)
    }
    expect((await search({ search: 'qwzrtplk' })).total).to.equal(0)
  })

  it('matches tags through their own index, accent- and case-insensitively', async function () {
    const res = await search({ search: 'gaming', count: 100 })
    expect(res.total).to.equal(300)
    expect((await search({ search: 'EELS' })).data.map(v => v.uuid)).to.deep.equal([ uploaded.uuid ])
  })

  it('ranks the closest names first by relevance, and sorts a search by any column too', async function () {
    const best = await search({ search: 'linux', count: 3 })
    expect(best.data[0].name).to.equal('Linux')
    const newest = await search({ search: 'linux', sort: '-publishedAt', count: 3 })
    expect(newest.data.map(v => v.name)).to.deep.equal([ 'Linux tutorial part 10', 'Linux tutorial part 20', 'Linux tutorial part 30' ])

    const byViews = await search({ search: 'linux', sort: '-views', count: 20 })
    const views = byViews.data.map(v => v.views)
    expect(views).to.deep.equal([ ...views ].sort((a, b) => b - a))
    expect(views[0]).to.equal(1500)

    const deep = await search({ search: 'linux', sort: '-publishedAt', start: 140, count: 20 })
    expect(deep.data).to.have.length(11)
    expect(deep.total).to.equal(151)
  })

  it('lists a video as its own page shows it', async function () {
    const item = (await search({ search: 'hovercraft' })).data[0] as unknown as Record<string, unknown>
    const details = (await instance.api().get(`/api/v1/videos/${uploaded.uuid}`).expect(200)).body as Record<string, unknown>
    for (const [ key, value ] of Object.entries(item)) {
      if (key === 'description') continue
      const expected = value !== null && typeof value === 'object' && !Array.isArray(value)
        ? Object.fromEntries(Object.keys(value).map(k => [ k, (details[key] as Record<string, unknown>)[k] ]))
        : details[key]
      expect(value, key).to.deep.equal(expected)
    }
  })

  it('says in the API description how total is computed', async function () {
    const doc = (await instance.api().get('/api/v1/openapi.json').expect(200)).body
    expect(doc.paths['/api/v1/videos'].get.description).to.match(/exact when the list has at most 1,000 matches/)
    expect(doc.paths['/api/v1/search/videos'].get.description).to.match(/typos/)
  })

  it('refuses a search that is too long, naming the field', async function () {
    const res = await instance.api().get('/api/v1/search/videos').query({ search: 'x'.repeat(251) }).expect(400)
    expect(res.body['invalid-params']).to.have.property('search')
  })

  it('searches several words by date through the rarest one (or the index when few match), as the SQL truth orders them', async function () {
    const truth = async (tsquery: string, offset = 0) => (await instance.sql<{ id: number }>(
      'SELECT id FROM video WHERE "nameSearch" @@ to_tsquery(\'simple\', $1) AND privacy = 1 AND state = 1 ORDER BY "publishedAt" DESC, id DESC LIMIT 20 OFFSET $2',
      [ tsquery, offset ])).map(r => r.id)
    // Dense (the walk of "linux" checks "tutorial" on the postings), sparse (one video: the index's matches), and
    // a page deep into a walk.
    for (const [ query, tsquery, start ] of [ [ 'tutorial linux', 'tutorial & linux', 0 ], [ 'linux 1230', 'linux & 1230', 0 ], [ 'clip random', 'clip & random', 500 ] ] as const) {
      const res = await search({ search: query, sort: '-publishedAt', start, count: 20 })
      expect(res.data.map(v => v.id), query).to.deep.equal(await truth(tsquery, start))
      expect(res.data, query).to.have.length(query === 'linux 1230' ? 1 : 20)
    }
    expect((await search({ search: 'linux 1230', sort: '-publishedAt' })).total).to.equal(1)
  })

  // Trigram word similarity of these to the right words is 0.2-0.4: only the swap candidates find them.
  it('corrects typos of swapped letters ("lniux tutroial", "elpehant"), counting the corrected matches exactly', async function () {
    const res = await search({ search: 'lniux tutroial', sort: '-publishedAt', count: 20 })
    expect(res.total).to.equal(150)
    const truth = await instance.sql<{ id: number }>(
      'SELECT id FROM video WHERE "nameSearch" @@ to_tsquery(\'simple\', \'linux & tutorial\') AND privacy = 1 AND state = 1 ORDER BY "publishedAt" DESC, id DESC LIMIT 20')
    expect(res.data.map(v => v.id)).to.deep.equal(truth.map(r => r.id))
    expect((await search({ search: 'lniux tutroial', start: 140, count: 20 })).data).to.have.length(10)
    expect((await search({ search: 'elpehant plage' })).total).to.equal(150)
  })

  // One replaced or missing letter: "lunux" shares a third of its trigrams with "linux", too few for similarity.
  it('corrects a replaced letter ("lunux", "tutoriol") and a missing one ("lnux", "tutrial") as it corrects a swap', async function () {
    const truth = await instance.sql<{ id: number }>(
      'SELECT id FROM video WHERE "nameSearch" @@ to_tsquery(\'simple\', \'linux & tutorial\') AND privacy = 1 AND state = 1 ORDER BY "publishedAt" DESC, id DESC LIMIT 20')
    for (const query of [ 'lunux tutoriol', 'lnux tutrial', 'linux tutoriak' ]) {
      const res = await search({ search: query, sort: '-publishedAt', count: 20 })
      expect(res.total, query).to.equal(150)
      expect(res.data.map(v => v.id), query).to.deep.equal(truth.map(r => r.id))
    }
    expect((await search({ search: 'lunux' })).total).to.equal((await search({ search: 'linux' })).total)
  })

  it('keeps the postings of name words as videos are renamed, republished and deleted, and searches by date through them', async function () {
    const postings = async (videoId: number) =>
      (await instance.sql<{ word: string, publishedAt: Date }>('SELECT word, "publishedAt" FROM "videoNameWordPosting" WHERE "videoId" = $1 ORDER BY word', [ videoId ]))
    const [ clip ] = await instance.sql<{ id: number }>('SELECT id FROM video WHERE name = \'Random clip 12\'')
    expect((await postings(clip.id)).map(p => p.word)).to.deep.equal([ '12', 'clip', 'random' ])

    await instance.sql('UPDATE video SET name = \'Zanzibar marmalade 12\' WHERE id = $1', [ clip.id ])
    expect((await postings(clip.id)).map(p => p.word)).to.deep.equal([ '12', 'marmalade', 'zanzibar' ])
    expect((await search({ search: 'zanzibar', sort: '-publishedAt' })).data.map(v => v.id)).to.deep.equal([ clip.id ])
    expect((await search({ search: 'random clip 12', sort: '-publishedAt' })).total).to.equal(0)

    // An old Linux video republished now: first of the date order, which is the postings' order.
    const [ old ] = await instance.sql<{ id: number }>('SELECT id FROM video WHERE name = \'Linux tutorial part 1500\'')
    await instance.sql('UPDATE video SET "publishedAt" = now() + interval \'1 minute\' WHERE id = $1', [ old.id ])
    for (const query of [ { search: 'linux', sort: '-publishedAt' }, { search: 'tutorial linux', sort: '-publishedAt' }, { search: 'linux tutorial 1500' } ]) {
      expect((await search(query)).data[0].id, JSON.stringify(query)).to.equal(old.id)
    }
    const oldest = await search({ search: 'linux', sort: 'publishedAt', count: 3 })
    expect(oldest.data.map(v => v.name)).to.deep.equal([ 'Linux tutorial part 1490', 'Linux tutorial part 1480', 'Linux tutorial part 1470' ])

    await instance.sql('DELETE FROM video WHERE id = $1', [ clip.id ])
    expect(await postings(clip.id)).to.deep.equal([])
    expect((await search({ search: 'zanzibar', sort: '-publishedAt' })).total).to.equal(0)
  })

  it('keeps the postings of tags as tags are added and removed and videos republished and deleted, and lists a tag by date through them', async function () {
    const tagPostings = async (videoId: number) =>
      Number((await instance.sql<{ n: string }>('SELECT count(*) AS n FROM "videoTagPosting" WHERE "videoId" = $1', [ videoId ]))[0].n)
    const gaming = (query: Record<string, unknown>) => videos({ tagsOneOf: 'gaming', ...query })
    const newestGaming = async (n: number) => (await instance.sql<{ id: number }>(`
      SELECT v.id FROM video v JOIN "videoTag" vt ON vt."videoId" = v.id JOIN tag t ON t.id = vt."tagId" WHERE t.name = 'Gaming'
      ORDER BY v."publishedAt" DESC, v.id DESC LIMIT ${n}`)).map(r => r.id)
    const desc = await newestGaming(1000)
    const asc = [ ...desc ].reverse()
    expect((await gaming({ sort: 'publishedAt', count: 3 })).data.map(v => v.id)).to.deep.equal(asc.slice(0, 3))
    expect((await gaming({ start: 10, count: 5 })).data.map(v => v.id)).to.deep.equal(desc.slice(10, 15))

    const [ oldest, other ] = asc
    await instance.sql('UPDATE video SET "publishedAt" = now() + interval \'2 minutes\' WHERE id = $1', [ oldest ])
    expect((await gaming({ count: 1 })).data[0].id).to.equal(oldest)
    expect((await search({ search: 'GAMING', sort: '-publishedAt' })).data[0].id).to.equal(oldest)

    await instance.sql('DELETE FROM "videoTag" WHERE "videoId" = $1', [ oldest ])
    expect(await tagPostings(oldest)).to.equal(0)
    expect((await gaming({ count: 5 })).data.map(v => v.id)).to.not.include(oldest)

    // Tags set through the API: the uploaded video (newer than every bulk video) gets Gaming.
    await instance.api().put(`/api/v1/videos/${uploaded.uuid}`).set('Authorization', `Bearer ${instance.accessToken}`)
      .send({ tags: [ 'eels', 'Gaming' ] }).expect(204)
    expect(await tagPostings(uploaded.id)).to.equal(2)
    const newest = await newestGaming(3)
    expect(newest).to.include(uploaded.id)
    expect((await gaming({ count: 3 })).data.map(v => v.id)).to.deep.equal(newest)

    expect(await tagPostings(other)).to.be.above(0)
    await instance.sql('DELETE FROM video WHERE id = $1', [ other ])
    expect(await tagPostings(other)).to.equal(0)
  })

  it('gets its indexes and vocabulary on an existing database through migration 1920', async function () {
    await instance.stop()
    await instance.sql('DROP TRIGGER "video_name_words" ON "video"; DROP TABLE "videoNameWord"; DROP INDEX "video_listed_published_at_audience"; DROP INDEX "tag_name_normalized"; ALTER TABLE "video" DROP COLUMN "nameSearch"')
    await runListIndexesMigration(instance.databaseName)

    const indexes = (await instance.sql<{ indexname: string }>('SELECT indexname FROM pg_indexes')).map(r => r.indexname)
    expect(indexes).to.include.members([ 'video_listed_published_at_audience', 'tag_name_normalized', 'video_name_word_trigram', 'video_name_search' ])
    expect((await instance.sql('SELECT 1 FROM "videoNameWord" WHERE word = \'hovercraft\'')).length).to.equal(1)

    await instance.start()
    expect((await search({ search: 'hovercaft' })).data.map(v => v.uuid)).to.include(uploaded.uuid)
  })

  it('gets the postings of name words and tags on an existing database through migration 2300', async function () {
    await instance.stop()
    await instance.sql('DROP TRIGGER "video_name_word_postings" ON "video"; DROP TABLE "videoNameWordPosting"; ' +
      'DROP TRIGGER "video_tag_postings" ON "videoTag"; DROP TRIGGER "video_tag_postings_published_at" ON "video"; ' +
      'DROP TRIGGER "video_tag_postings_delete" ON "video"; DROP TABLE "videoTagPosting"')
    await runNamePostingsMigration(instance.databaseName)

    expect((await instance.sql('SELECT 1 FROM "videoNameWordPosting" WHERE word = \'hovercraft\'')).length).to.equal(1)
    const [ counts ] = await instance.sql<Record<string, string>>(`SELECT (SELECT count(*) FROM "videoNameWordPosting") AS postings,
      (SELECT sum(length(to_tsvector('simple', immutable_unaccent(name)))) FROM video) AS words,
      (SELECT count(*) FROM "videoTagPosting") AS "tagPostings", (SELECT count(*) FROM "videoTag") AS tags`)
    expect(Number(counts.postings)).to.equal(Number(counts.words))
    expect(Number(counts.tagPostings)).to.equal(Number(counts.tags)).and.above(300)
    await instance.start()
    expect((await search({ search: 'hovercraft', sort: '-publishedAt' })).data.map(v => v.uuid)).to.deep.equal([ uploaded.uuid ])
  })
})
