import type { Sequelize } from 'sequelize'

/**
 * The channels each local actor's accepted follows bring: one row per (follower, channel) for a follow of the
 * channel itself, of its account, or of its instance's actor (Application). Public lists show a remote video only
 * when the instance (the server actor) follows one of these, and deriving that set from the follows in every list
 * query (a join of every channel with every follow) cost 5 to 250 ms per query at 3,000 channels; read from here it
 * is an index range of the follower's rows, hashed once per query in well under a millisecond.
 *
 * Kept by triggers, so nothing that writes follows or channels has to know about it:
 * - on "actorFollow" (a follow accepted, undone, rejected or removed): the follower's rows for the channels that
 *   follow reaches are recomputed from all of the follower's accepted follows (another follow may still bring them);
 * - on "videoChannel" (a channel created): the followers whose follows reach it get their row;
 * - channels and actors removed take their rows with them (foreign keys, cascading).
 * Only local followers have rows: remote actors following our channels or our instance are never a list's audience.
 */
export const FOLLOWED_CHANNELS_TABLE = 'followedChannel'

const TABLE_SQL = `CREATE TABLE IF NOT EXISTS "${FOLLOWED_CHANNELS_TABLE}" (
  "actorId" integer NOT NULL REFERENCES "actor" ("id") ON DELETE CASCADE,
  "channelId" integer NOT NULL REFERENCES "videoChannel" ("id") ON DELETE CASCADE,
  PRIMARY KEY ("actorId", "channelId")
);
CREATE INDEX IF NOT EXISTS "followed_channel_channel_id" ON "${FOLLOWED_CHANNELS_TABLE}" ("channelId")`

// Follow changes and channel creations take this transaction lock before they read what the other writes: two of
// them committing side by side would otherwise each miss the other's row (a follow accepted while a channel it
// reaches is being created, two follows reaching one channel undone at once). Both are rare and short.
const LOCK_SQL = 'PERFORM pg_advisory_xact_lock(hashtext(\'followedChannel\'))'

const FUNCTIONS_SQL = `
  -- The rule the rows stand for, written once: the channels a follow of the target actor reaches.
  CREATE OR REPLACE FUNCTION followed_channels_reached_by(target integer) RETURNS SETOF integer AS $$
    SELECT vc."id" FROM "videoChannel" vc WHERE vc."actorId" = target
    UNION
    SELECT vc."id" FROM "account" a JOIN "videoChannel" vc ON vc."accountId" = a."id" WHERE a."actorId" = target
    UNION
    SELECT vc."id" FROM "actor" t JOIN "actor" ca ON ca."serverId" = t."serverId" JOIN "videoChannel" vc ON vc."actorId" = ca."id"
    WHERE t."id" = target AND t."type" = 'Application'
  $$ LANGUAGE sql STABLE;

  CREATE OR REPLACE FUNCTION followed_channels_refresh(follower integer, target integer) RETURNS void AS $$
  DECLARE
    channels integer[];
  BEGIN
    -- A follower removed in the same statement (its follows cascading) has nothing left to keep.
    IF NOT EXISTS (SELECT 1 FROM "actor" WHERE "id" = follower AND "serverId" IS NULL) THEN RETURN; END IF;
    ${LOCK_SQL};
    channels := ARRAY(SELECT followed_channels_reached_by(target));
    DELETE FROM "${FOLLOWED_CHANNELS_TABLE}" WHERE "actorId" = follower AND "channelId" = ANY (channels);
    -- What the follower's accepted follows (this one or any other) still reach among them.
    INSERT INTO "${FOLLOWED_CHANNELS_TABLE}" ("actorId", "channelId")
    SELECT DISTINCT follower, reached."id" FROM "actorFollow" f CROSS JOIN LATERAL followed_channels_reached_by(f."targetActorId") AS reached ("id")
    WHERE f."actorId" = follower AND f."state" = 'accepted' AND reached."id" = ANY (channels)
    ON CONFLICT DO NOTHING;
  END $$ LANGUAGE plpgsql;

  CREATE OR REPLACE FUNCTION followed_channels_of_follow() RETURNS trigger AS $$
  BEGIN
    IF TG_OP = 'UPDATE' AND OLD."state" IS NOT DISTINCT FROM NEW."state"
      AND OLD."actorId" = NEW."actorId" AND OLD."targetActorId" = NEW."targetActorId" THEN
      RETURN NULL;
    END IF;
    IF TG_OP <> 'INSERT' AND OLD."state" = 'accepted' THEN
      PERFORM followed_channels_refresh(OLD."actorId", OLD."targetActorId");
    END IF;
    IF TG_OP <> 'DELETE' AND NEW."state" = 'accepted' THEN
      PERFORM followed_channels_refresh(NEW."actorId", NEW."targetActorId");
    END IF;
    RETURN NULL;
  END $$ LANGUAGE plpgsql;

  -- The same rule seen from a new channel: the follows whose target is the channel, its account or its instance.
  CREATE OR REPLACE FUNCTION followed_channels_of_channel() RETURNS trigger AS $$
  BEGIN
    ${LOCK_SQL};
    INSERT INTO "${FOLLOWED_CHANNELS_TABLE}" ("actorId", "channelId")
    SELECT DISTINCT f."actorId", NEW."id" FROM "actorFollow" f JOIN "actor" fa ON fa."id" = f."actorId" AND fa."serverId" IS NULL
    WHERE f."state" = 'accepted' AND f."targetActorId" IN (
      SELECT NEW."actorId"
      UNION ALL SELECT acc."actorId" FROM "account" acc WHERE acc."id" = NEW."accountId"
      UNION ALL SELECT t."id" FROM "actor" ca JOIN "actor" t ON t."serverId" = ca."serverId" AND t."type" = 'Application' WHERE ca."id" = NEW."actorId")
    ON CONFLICT DO NOTHING;
    RETURN NULL;
  END $$ LANGUAGE plpgsql`

const TRIGGERS_SQL = [
  'CREATE OR REPLACE TRIGGER "followed_channels_of_follow" AFTER INSERT OR DELETE OR UPDATE OF "state", "actorId", "targetActorId" ' +
  'ON "actorFollow" FOR EACH ROW EXECUTE FUNCTION followed_channels_of_follow()',
  'CREATE OR REPLACE TRIGGER "followed_channels_of_channel" AFTER INSERT ON "videoChannel" FOR EACH ROW EXECUTE FUNCTION followed_channels_of_channel()'
].join(';\n')

/** Every local follower's rows, from the follows there (a migration, and the benchmark's bulk load). */
export const BACKFILL_FOLLOWED_CHANNELS_SQL = `INSERT INTO "${FOLLOWED_CHANNELS_TABLE}" ("actorId", "channelId")
  SELECT DISTINCT f."actorId", reached."id" FROM "actorFollow" f JOIN "actor" fa ON fa."id" = f."actorId" AND fa."serverId" IS NULL
  CROSS JOIN LATERAL followed_channels_reached_by(f."targetActorId") AS reached ("id")
  WHERE f."state" = 'accepted'
  ON CONFLICT DO NOTHING`

/**
 * Creates the table, its functions and triggers; fills it when it was missing. One statement list, so one
 * transaction: a start killed halfway leaves no half-filled table, and the trigger exists before the fill.
 */
export async function ensureFollowedChannels (sequelize: Sequelize) {
  const [ rows ] = await sequelize.query(`SELECT to_regclass('"${FOLLOWED_CHANNELS_TABLE}"') IS NOT NULL AS "exists"`)
  if ((rows[0] as { exists: boolean }).exists) {
    await sequelize.query(`${FUNCTIONS_SQL};\n${TRIGGERS_SQL}`)
    return
  }
  await sequelize.query([ TABLE_SQL, FUNCTIONS_SQL, TRIGGERS_SQL, BACKFILL_FOLLOWED_CHANNELS_SQL, `ANALYZE "${FOLLOWED_CHANNELS_TABLE}"` ].join(';\n'))
}
