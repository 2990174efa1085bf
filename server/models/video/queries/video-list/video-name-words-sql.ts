import type { Sequelize } from 'sequelize'
import { VIDEO_NAME_WORD_MAX_LENGTH } from '../../video-name-word.js'

/** The words search indexes for a name: the lexemes of the full-text document (same expression as the index). */
export const NAME_WORDS_SQL = (name: string) =>
  `SELECT "word" FROM unnest(tsvector_to_array(to_tsvector('simple', immutable_unaccent(${name})))) AS "word" WHERE length("word") <= ${VIDEO_NAME_WORD_MAX_LENGTH}`

/** Keeps "videoNameWord" up to date as videos are created and renamed (local and remote alike). */
export async function createVideoNameWordsTrigger (sequelize: Sequelize) {
  await sequelize.query(`
    CREATE OR REPLACE FUNCTION video_name_words() RETURNS trigger AS $$
    BEGIN
      INSERT INTO "videoNameWord" ("word") ${NAME_WORDS_SQL('NEW."name"')} ON CONFLICT DO NOTHING;
      RETURN NULL;
    END $$ LANGUAGE plpgsql`)
  const [ existing ] = await sequelize.query('SELECT 1 FROM pg_trigger WHERE tgname = \'video_name_words\' AND tgrelid = \'"video"\'::regclass')
  if (existing.length !== 0) return
  await sequelize.query('CREATE TRIGGER "video_name_words" AFTER INSERT OR UPDATE OF "name" ON "video" FOR EACH ROW EXECUTE FUNCTION video_name_words()')
}

/** Fills the vocabulary from the names already there (an existing database, a bulk load). */
export async function backfillVideoNameWords (sequelize: Sequelize) {
  await sequelize.query(`INSERT INTO "videoNameWord" ("word") SELECT DISTINCT "words"."word" FROM "video", LATERAL (${NAME_WORDS_SQL('"video"."name"')}) AS "words" ON CONFLICT DO NOTHING`)
}
