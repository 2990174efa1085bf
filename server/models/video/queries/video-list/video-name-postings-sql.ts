import type { Sequelize } from 'sequelize'
import { NAME_WORDS_SQL } from './video-name-words-sql.js'

/**
 * The postings of name words: one row per (word of a video's name, the video's publishedAt, the video), keyed in
 * that order. The newest videos whose name has a word are then one backward range scan of the key, which stops
 * after a page: the GIN index on "nameSearch" can only hand back every match unordered (114k rows for "linux" at a
 * million videos), which then had to be sorted, or the list walked newest first testing each name.
 *
 * Kept by a trigger on "video" (insert, rename, change of publishedAt, delete), so no code writing videos has to
 * know about it; it covers every video whatever its privacy or state (the search's other conditions are tested on
 * the video row, like any list filter). No foreign key: the trigger removes a deleted video's postings by their key
 * (the old name's words and publishedAt), which needs no second index on the table.
 */
export const NAME_POSTINGS_TABLE = 'videoNameWordPosting'

const TABLE_SQL = `CREATE TABLE IF NOT EXISTS "${NAME_POSTINGS_TABLE}" (
  "word" varchar(50) NOT NULL,
  "publishedAt" timestamptz NOT NULL,
  "videoId" integer NOT NULL
)`

// Added after the fill: one sorted build instead of a million and more inserts into the index.
const KEY_SQL = `ALTER TABLE "${NAME_POSTINGS_TABLE}" ADD PRIMARY KEY ("word", "publishedAt", "videoId")`

const TRIGGER_FUNCTION_SQL = `
  CREATE OR REPLACE FUNCTION video_name_word_postings() RETURNS trigger AS $$
  BEGIN
    IF TG_OP = 'UPDATE' AND OLD."name" IS NOT DISTINCT FROM NEW."name" AND OLD."publishedAt" IS NOT DISTINCT FROM NEW."publishedAt" THEN
      RETURN NULL;
    END IF;
    IF TG_OP <> 'INSERT' THEN
      DELETE FROM "${NAME_POSTINGS_TABLE}" p USING (${NAME_WORDS_SQL('OLD."name"')}) AS w
      WHERE p."word" = w."word" AND p."publishedAt" = OLD."publishedAt" AND p."videoId" = OLD."id";
    END IF;
    IF TG_OP <> 'DELETE' THEN
      INSERT INTO "${NAME_POSTINGS_TABLE}" ("word", "publishedAt", "videoId")
      SELECT w."word", NEW."publishedAt", NEW."id" FROM (${NAME_WORDS_SQL('NEW."name"')}) AS w ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
  END $$ LANGUAGE plpgsql`

/** Fills the postings from the names there (the bulk load of the benchmark's dataset uses it too). */
export const BACKFILL_NAME_POSTINGS_SQL = `INSERT INTO "${NAME_POSTINGS_TABLE}" ("word", "publishedAt", "videoId")
  SELECT w."word", v."publishedAt", v."id" FROM "video" v, LATERAL (${NAME_WORDS_SQL('v."name"')}) AS w`

// CREATE OR REPLACE: the same statement creates it or brings an older definition up to date.
const TRIGGER_SQL = 'CREATE OR REPLACE TRIGGER "video_name_word_postings" AFTER INSERT OR DELETE OR UPDATE OF "name", "publishedAt" ON "video" ' +
  'FOR EACH ROW EXECUTE FUNCTION video_name_word_postings()'

/**
 * Creates the postings and their trigger when missing, filled from the names already there. The table, the
 * trigger and the fill are one statement list sent at once, which PostgreSQL runs as one transaction: a database
 * never has a table of postings that misses videos (search would then miss them), even if the start is killed
 * during the fill. Instant once built; a million videos take a few minutes once (migration 2300 or the first start).
 */
export async function ensureVideoNameWordPostings (sequelize: Sequelize) {
  const [ rows ] = await sequelize.query(`SELECT to_regclass('"${NAME_POSTINGS_TABLE}"') IS NOT NULL AS "exists"`)
  if ((rows[0] as { exists: boolean }).exists) {
    await sequelize.query(TRIGGER_FUNCTION_SQL)
    await sequelize.query(TRIGGER_SQL)
    return
  }
  // The trigger before the fill, in the same transaction: creating it locks out writes to "video" until the commit,
  // so no video is written between the fill and the trigger.
  await sequelize.query([ TABLE_SQL, TRIGGER_FUNCTION_SQL, TRIGGER_SQL, BACKFILL_NAME_POSTINGS_SQL, KEY_SQL, `ANALYZE "${NAME_POSTINGS_TABLE}"` ].join(';\n'))
}
