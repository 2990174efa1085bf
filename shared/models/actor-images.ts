/** PeerTube's ActorImageType: an actor has avatars (square) and, for channels, banners (wide). */
export const ActorImageType = {
  AVATAR: 1,
  BANNER: 2
} as const
export type ActorImageTypeValue = typeof ActorImageType[keyof typeof ActorImageType]
