import { QueryTypes } from 'sequelize'
import { VideoModel } from '../../video.js'
import { requestedTags, type ListLookups, type VideoListFilters } from './video-list-filters.js'

/** The tag ids a list's filters and search name, in one query (none when no tag is asked for). */
export async function lookUpListTags (filters: VideoListFilters): Promise<ListLookups> {
  const names = [ ...new Set([ ...requestedTags(filters.tagsOneOf), ...requestedTags(filters.tagsAllOf), ...(filters.search ? [ filters.search ] : []) ]) ]
  const tagIds = new Map<string, number[]>(names.map(name => [ name, [] ]))
  if (names.length === 0) return { tagIds }

  const rows = await VideoModel.sequelize!.query<{ requested: string, id: number }>(`
    SELECT "asked"."name" AS "requested", "tag"."id"
    FROM unnest(ARRAY[:names]::text[]) AS "asked"("name")
    JOIN "tag" ON lower(immutable_unaccent("tag"."name")) = lower(immutable_unaccent("asked"."name"))`,
  { replacements: { names }, type: QueryTypes.SELECT })
  for (const row of rows) tagIds.get(row.requested)!.push(row.id)
  return { tagIds }
}
