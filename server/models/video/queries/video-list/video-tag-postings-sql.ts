import type { Sequelize } from 'sequelize'

/**
 * The postings of tags: one row per (tag, the video's publishedAt, video), keyed in that order, so the newest
 * videos with a tag (a tag filter, the tag branch of a search) are one backward range scan that stops after a
 * page, instead of enumerating every tagged video to sort them (thousands for a 1 % tag at a million videos) or
 * walking the whole list probing videoTag for each video.
 *
 * Kept by triggers: on "videoTag" (a tag added or removed, a tag deleted), and on "video" (publishedAt changed;
 * before a delete, while its videoTag rows still say which postings it has). No foreign key, for the same reason
 * as the name postings (video-name-postings-sql.ts): rows are removed by their key.
 */
export const TAG_POSTINGS_TABLE = 'videoTagPosting'

const TABLE_SQL = `CREATE TABLE IF NOT EXISTS "${TAG_POSTINGS_TABLE}" (
  "tagId" integer NOT NULL,
  "publishedAt" timestamptz NOT NULL,
  "videoId" integer NOT NULL
)`

const KEY_SQL = `ALTER TABLE "${TAG_POSTINGS_TABLE}" ADD PRIMARY KEY ("tagId", "publishedAt", "videoId")`

const FUNCTIONS_SQL = `
  CREATE OR REPLACE FUNCTION video_tag_postings_of_tag() RETURNS trigger AS $$
  BEGIN
    IF TG_OP = 'INSERT' THEN
      INSERT INTO "${TAG_POSTINGS_TABLE}" ("tagId", "publishedAt", "videoId")
      SELECT NEW."tagId", v."publishedAt", v."id" FROM "video" v WHERE v."id" = NEW."videoId" ON CONFLICT DO NOTHING;
    ELSE
      DELETE FROM "${TAG_POSTINGS_TABLE}" p USING "video" v
      WHERE v."id" = OLD."videoId" AND p."tagId" = OLD."tagId" AND p."publishedAt" = v."publishedAt" AND p."videoId" = OLD."videoId";
    END IF;
    RETURN NULL;
  END $$ LANGUAGE plpgsql;
  CREATE OR REPLACE FUNCTION video_tag_postings_of_video() RETURNS trigger AS $$
  BEGIN
    IF TG_OP = 'DELETE' THEN
      DELETE FROM "${TAG_POSTINGS_TABLE}" p USING "videoTag" vt
      WHERE vt."videoId" = OLD."id" AND p."tagId" = vt."tagId" AND p."publishedAt" = OLD."publishedAt" AND p."videoId" = OLD."id";
      RETURN OLD;
    END IF;
    IF OLD."publishedAt" IS DISTINCT FROM NEW."publishedAt" THEN
      UPDATE "${TAG_POSTINGS_TABLE}" p SET "publishedAt" = NEW."publishedAt" FROM "videoTag" vt
      WHERE vt."videoId" = NEW."id" AND p."tagId" = vt."tagId" AND p."publishedAt" = OLD."publishedAt" AND p."videoId" = NEW."id";
    END IF;
    RETURN NULL;
  END $$ LANGUAGE plpgsql`

const TRIGGERS_SQL = [
  'CREATE OR REPLACE TRIGGER "video_tag_postings" AFTER INSERT OR DELETE ON "videoTag" FOR EACH ROW EXECUTE FUNCTION video_tag_postings_of_tag()',
  'CREATE OR REPLACE TRIGGER "video_tag_postings_published_at" AFTER UPDATE OF "publishedAt" ON "video" FOR EACH ROW EXECUTE FUNCTION video_tag_postings_of_video()',
  'CREATE OR REPLACE TRIGGER "video_tag_postings_delete" BEFORE DELETE ON "video" FOR EACH ROW EXECUTE FUNCTION video_tag_postings_of_video()'
].join(';\n')

/** Fills the postings from the tags there (the benchmark's bulk load uses it too). */
export const BACKFILL_TAG_POSTINGS_SQL = `INSERT INTO "${TAG_POSTINGS_TABLE}" ("tagId", "publishedAt", "videoId")
  SELECT vt."tagId", v."publishedAt", v."id" FROM "videoTag" vt JOIN "video" v ON v."id" = vt."videoId"`

/** As ensureVideoNameWordPostings: created and filled in one transaction when missing, instant once there. */
export async function ensureVideoTagPostings (sequelize: Sequelize) {
  const [ rows ] = await sequelize.query(`SELECT to_regclass('"${TAG_POSTINGS_TABLE}"') IS NOT NULL AS "exists"`)
  if ((rows[0] as { exists: boolean }).exists) {
    await sequelize.query(`${FUNCTIONS_SQL};\n${TRIGGERS_SQL}`)
    return
  }
  await sequelize.query([ TABLE_SQL, FUNCTIONS_SQL, TRIGGERS_SQL, BACKFILL_TAG_POSTINGS_SQL, KEY_SQL, `ANALYZE "${TAG_POSTINGS_TABLE}"` ].join(';\n'))
}
