import { toShortUuid } from '../../../helpers/uuid.js'
import { VIDEO_CATEGORIES, VIDEO_LANGUAGES, VIDEO_LICENCES, VIDEO_PRIVACIES, VIDEO_STATES } from '../../../initializers/constants/videos.js'
import type { VideoListRow } from '../queries/video-list/video-list-page.js'
import { truncateDescription, videoConstant } from './video-formatter.js'

/**
 * PeerTube's `Video` (list item) from a page row, as JSON text: the same object formatVideo makes from a loaded
 * model (a test compares the two). PostgreSQL wrote most of it (queries/video-list/video-list-page.ts); this adds
 * what is Node's to compute (the short UUID, the constants' labels, the truncated description), as text too.
 */
export function videoListItemJson (row: VideoListRow) {
  const description = JSON.stringify(truncateDescription(row.descriptionStart))
  return `{"id":${row.id},"uuid":"${row.uuid}","shortUUID":"${toShortUuid(row.uuid)}",` +
    `"category":${labelled('category', row.category)},"licence":${labelled('licence', row.licence)},` +
    `"language":${labelled('language', row.language)},"privacy":${labelled('privacy', row.privacy)},` +
    `"state":${labelled('state', row.state)},"truncatedDescription":${description},"description":${description},` +
    row.itemJson.slice(1)
}

const LABELS = { category: VIDEO_CATEGORIES, licence: VIDEO_LICENCES, language: VIDEO_LANGUAGES, privacy: VIDEO_PRIVACIES, state: VIDEO_STATES }
type LabelledField = keyof typeof LABELS

// A constant's JSON is the same for every video that has it; only known values are kept (a remote video may carry
// any language code).
const labelledJson = new Map<string, string>()

function labelled (field: LabelledField, value: string | number | null) {
  const labels: Record<string | number, string> = LABELS[field]
  const known = value !== null && Object.hasOwn(labels, value)
  const key = `${field}:${String(value)}`
  const cached = known ? labelledJson.get(key) : undefined
  if (cached !== undefined) return cached
  const json = JSON.stringify(videoConstant(value, labels))
  if (known) labelledJson.set(key, json)
  return json
}
