import { QueryTypes } from 'sequelize'
import { VideoModel } from '../../video.js'
import { FEW_TAGGED_VIDEOS, requestedTags, type ListLookups, type VideoListFilters } from './video-list-filters.js'

/** The tag ids a list's filters and search name, in one query (none when no tag is asked for). */
export async function lookUpListTags (filters: VideoListFilters): Promise<ListLookups> {
  const names = [ ...new Set([ ...requestedTags(filters.tagsOneOf), ...requestedTags(filters.tagsAllOf), ...(filters.search ? [ filters.search ] : []) ]) ]
  const tagIds = new Map<string, number[]>(names.map(name => [ name, [] ]))
  if (names.length === 0) return { tagIds, tagUses: new Map() }

  // How many videos have each tag, up to the bound (an index-only walk of videoTag's (tagId, videoId) key).
  const rows = await VideoModel.sequelize!.query<{ requested: string, id: number, uses: string }>(`
    SELECT "asked"."name" AS "requested", "tag"."id",
      (SELECT count(*) FROM (SELECT 1 FROM "videoTag" WHERE "videoTag"."tagId" = "tag"."id" LIMIT ${FEW_TAGGED_VIDEOS + 1}) AS "tagged") AS "uses"
    FROM unnest(ARRAY[:names]::text[]) AS "asked"("name")
    JOIN "tag" ON lower(immutable_unaccent("tag"."name")) = lower(immutable_unaccent("asked"."name"))`,
  { replacements: { names }, type: QueryTypes.SELECT })
  const tagUses = new Map<number, number>()
  for (const row of rows) {
    tagIds.get(row.requested)!.push(row.id)
    tagUses.set(row.id, Number(row.uses))
  }
  return { tagIds, tagUses }
}
