/**
 * The `@context` our ActivityPub documents carry, term for term what PeerTube 6.3 sends, so PeerTube peers
 * read our extensions (uuid, state, commentsPolicy...) and every term canonicalizes for LD signatures.
 * Video and Actor are checked against documents a PeerTube 6.3 instance served; the other types follow
 * PeerTube's per-type term lists without terms introduced after 6.3.
 */
import {
  ACTIVITY_STREAMS_CONTEXT_URL,
  SECURITY_V1_CONTEXT_URL
} from '../../initializers/constants/activitypub.js'

type TermDefinition = string | { '@id': string, '@type': string }
export type JsonLdContextTerms = Record<string, TermDefinition>
export type ActivityPubContext = (string | JsonLdContextTerms)[]

const typed = (id: string, type: string) => ({ '@type': type, '@id': id })

const VIDEO_TERMS: JsonLdContextTerms = {
  Hashtag: 'as:Hashtag',
  category: 'sc:category',
  licence: 'sc:license',
  subtitleLanguage: 'sc:subtitleLanguage',
  automaticallyGenerated: 'pt:automaticallyGenerated',
  sensitive: 'as:sensitive',
  language: 'sc:inLanguage',
  identifier: 'sc:identifier',
  isLiveBroadcast: 'sc:isLiveBroadcast',
  liveSaveReplay: typed('pt:liveSaveReplay', 'sc:Boolean'),
  permanentLive: typed('pt:permanentLive', 'sc:Boolean'),
  latencyMode: typed('pt:latencyMode', 'sc:Number'),
  Infohash: 'pt:Infohash',
  tileWidth: typed('pt:tileWidth', 'sc:Number'),
  tileHeight: typed('pt:tileHeight', 'sc:Number'),
  tileDuration: typed('pt:tileDuration', 'sc:Number'),
  aspectRatio: typed('pt:aspectRatio', 'sc:Float'),
  uuid: typed('pt:uuid', 'sc:identifier'),
  originallyPublishedAt: 'sc:datePublished',
  uploadDate: 'sc:uploadDate',
  hasParts: 'sc:hasParts',
  views: typed('pt:views', 'sc:Number'),
  state: typed('pt:state', 'sc:Number'),
  size: typed('pt:size', 'sc:Number'),
  fps: typed('pt:fps', 'sc:Number'),
  commentsEnabled: typed('pt:commentsEnabled', 'sc:Boolean'),
  canReply: 'pt:canReply',
  commentsPolicy: typed('pt:commentsPolicy', 'sc:Number'),
  downloadEnabled: typed('pt:downloadEnabled', 'sc:Boolean'),
  waitTranscoding: typed('pt:waitTranscoding', 'sc:Boolean'),
  support: typed('pt:support', 'sc:Text'),
  likes: { '@id': 'as:likes', '@type': '@id' },
  dislikes: { '@id': 'as:dislikes', '@type': '@id' },
  shares: { '@id': 'as:shares', '@type': '@id' },
  comments: { '@id': 'as:comments', '@type': '@id' },
  PropertyValue: 'sc:PropertyValue',
  value: 'sc:value'
}

const ACTOR_TERMS: JsonLdContextTerms = {
  playlists: { '@id': 'pt:playlists', '@type': '@id' },
  support: typed('pt:support', 'sc:Text'),
  lemmy: 'https://join-lemmy.org/ns#',
  postingRestrictedToMods: 'lemmy:postingRestrictedToMods',
  icons: 'as:icon'
}

const PLAYLIST_TERMS: JsonLdContextTerms = {
  Playlist: 'pt:Playlist',
  PlaylistElement: 'pt:PlaylistElement',
  position: typed('pt:position', 'sc:Number'),
  startTimestamp: typed('pt:startTimestamp', 'sc:Number'),
  stopTimestamp: typed('pt:stopTimestamp', 'sc:Number'),
  uuid: typed('pt:uuid', 'sc:identifier')
}

const CACHE_FILE_TERMS: JsonLdContextTerms = {
  expires: 'sc:expires',
  CacheFile: 'pt:CacheFile',
  size: typed('pt:size', 'sc:Number'),
  fps: typed('pt:fps', 'sc:Number')
}

const WATCH_ACTION_TERMS: JsonLdContextTerms = {
  WatchAction: 'sc:WatchAction',
  startTimestamp: typed('pt:startTimestamp', 'sc:Number'),
  endTimestamp: typed('pt:endTimestamp', 'sc:Number'),
  uuid: typed('pt:uuid', 'sc:identifier'),
  actionStatus: 'sc:actionStatus',
  watchSections: { '@type': '@id', '@id': 'pt:watchSections' },
  addressRegion: 'sc:addressRegion',
  addressCountry: 'sc:addressCountry'
}

const VIEW_TERMS: JsonLdContextTerms = {
  WatchAction: 'sc:WatchAction',
  InteractionCounter: 'sc:InteractionCounter',
  interactionType: 'sc:interactionType',
  userInteractionCount: 'sc:userInteractionCount'
}

/** Terms added to the base context per document type; null means the base context alone. */
const TERMS_BY_TYPE = {
  Video: VIDEO_TERMS,
  Actor: ACTOR_TERMS,
  Playlist: PLAYLIST_TERMS,
  CacheFile: CACHE_FILE_TERMS,
  Flag: { Hashtag: 'as:Hashtag' },
  WatchAction: WATCH_ACTION_TERMS,
  View: VIEW_TERMS,
  Comment: { replyApproval: 'pt:replyApproval' },
  ApproveReply: { ApproveReply: 'pt:ApproveReply' },
  RejectReply: { RejectReply: 'pt:RejectReply' },
  Chapters: { hasPart: 'sc:hasPart', endOffset: 'sc:endOffset', startOffset: 'sc:startOffset' },
  Collection: null,
  Follow: null,
  Accept: null,
  Reject: null,
  Announce: null,
  Delete: null,
  Rate: null
} satisfies Record<string, JsonLdContextTerms | null>

export type ActivityPubContextType = keyof typeof TERMS_BY_TYPE

export const ACTIVITY_PUB_CONTEXT_TYPES = Object.keys(TERMS_BY_TYPE) as ActivityPubContextType[]

/** A fresh array each call: callers may add to it without touching other documents. */
export function buildActivityPubContext (type: ActivityPubContextType): ActivityPubContext {
  const base: ActivityPubContext = [
    ACTIVITY_STREAMS_CONTEXT_URL,
    SECURITY_V1_CONTEXT_URL,
    { RsaSignature2017: 'https://w3id.org/security#RsaSignature2017' }
  ]

  const terms: JsonLdContextTerms | null = TERMS_BY_TYPE[type]
  if (!terms) return base

  return [
    ...base,
    { pt: 'https://joinpeertube.org/ns#', sc: 'http://schema.org/', ...structuredClone(terms) }
  ]
}

/** `data` with the context of its type in front, the way PeerTube serializes (`@context` first). */
export function withActivityPubContext<T extends object> (data: T, type: ActivityPubContextType) {
  return { '@context': buildActivityPubContext(type), ...data }
}
