import type { Sequelize } from 'sequelize'
import { VideoNameWordModel } from '../../video-name-word.js'
import { LISTED_VIDEO_SQL } from './video-list-filters.js'
import { createVideoNameWordsTrigger } from './video-name-words-sql.js'
import { SORTABLE_COLUMNS } from './video-list-sort.js'

/**
 * The indexes video lists and search are planned on. Lists of listed videos (public, published: what anonymous
 * visitors see) have partial `(column, id)` indexes, one per sort, so a page is a walk of one index with no sort
 * step; the common filters have `(filter, publishedAt, id)` ones. Search has a GIN full-text index and a GIN
 * trigram index on the unaccented name, tags are found through their own normalized index, and the vocabulary of
 * names (videoNameWord, kept by a trigger) has a GiST trigram index for typo corrections.
 *
 * Expression indexes need immutable_unaccent(), created here too, so they cannot be declared on the models: this
 * runs at every start (IF NOT EXISTS: instant once built) and in the migration that added them.
 */

const LISTED = LISTED_VIDEO_SQL.replaceAll('"video".', '')

function snake (column: string) {
  return column.replace(/[A-Z]/g, c => '_' + c.toLowerCase())
}

export const VIDEO_LIST_INDEXES: { name: string, definition: string }[] = [
  ...SORTABLE_COLUMNS.map(column => ({
    name: `video_listed_${snake(column)}`,
    definition: `ON "video" ("${column}", "id") WHERE ${LISTED}`
  })),
  ...[ 'category', 'language', 'licence' ].map(column => ({
    name: `video_listed_${column}_published_at`,
    definition: `ON "video" ("${column}", "publishedAt", "id") WHERE ${LISTED}`
  })),
  { name: 'video_channel_id_published_at', definition: 'ON "video" ("channelId", "publishedAt", "id")' },
  { name: 'video_name_trigram', definition: 'ON "video" USING gin (lower(immutable_unaccent("name")) gin_trgm_ops)' },
  { name: 'video_name_full_text', definition: 'ON "video" USING gin (to_tsvector(\'simple\', immutable_unaccent("name")))' },
  { name: 'tag_name_normalized', definition: 'ON "tag" (lower(immutable_unaccent("name")))' },
  { name: 'video_tag_video_id', definition: 'ON "videoTag" ("videoId", "tagId")' },
  // GiST, not GIN: corrections are the nearest words (KNN on the `<->>` distance), which only GiST can order by.
  { name: 'video_name_word_trigram', definition: 'ON "videoNameWord" USING gist ("word" gist_trgm_ops)' }
]

/** Indexes these replace. */
const REPLACED_INDEXES = [ 'video_channel_id' ]

/**
 * unaccent() is not IMMUTABLE, so it cannot back an index: PostgreSQL's usual wrapper makes it so (the
 * dictionary is named, so the search path cannot change what it does).
 */
export async function createSearchFunctions (sequelize: Sequelize) {
  await sequelize.query(
    'CREATE OR REPLACE FUNCTION immutable_unaccent(text) RETURNS text AS ' +
    '$$ SELECT public.unaccent(\'public.unaccent\', $1::text) $$ LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT'
  )
}

export async function ensureVideoListIndexes (sequelize: Sequelize) {
  await createSearchFunctions(sequelize)
  // Its table first (a database whose migration to it has not run yet): an empty vocabulary only means fewer
  // typo corrections until the migration fills it.
  await VideoNameWordModel.sync()
  for (const { name, definition } of VIDEO_LIST_INDEXES) {
    await sequelize.query(`CREATE INDEX IF NOT EXISTS "${name}" ${definition}`)
  }
  for (const name of REPLACED_INDEXES) await sequelize.query(`DROP INDEX IF EXISTS "${name}"`)
  await createVideoNameWordsTrigger(sequelize)
}
