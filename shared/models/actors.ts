export const ACTOR_TYPES = [ 'Person', 'Group', 'Application', 'Service', 'Organization' ] as const
export type ActorType = typeof ACTOR_TYPES[number]
