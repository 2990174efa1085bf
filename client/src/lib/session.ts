// Who is signed in and what the server announced in /config: loaded once, shared by every page.
import type { ServerConfig } from '../../../shared/models/client-server.js'
import { UserRole, type User } from '../../../shared/models/client-user.js'
import type { NSFWPolicy } from '../../../shared/models/client-video.js'
import { login as oauthLogin, logout as oauthLogout } from '../api/oauth.js'
import { getConfig } from '../api/server.js'
import { clearTokens, onTokensChange, getTokens } from '../api/token-store.js'
import { getMe } from '../api/users.js'
import { createStore, useStore } from './store.js'

export interface SessionState {
  /** false until the first /users/me answer (or immediately when there is no token). */
  ready: boolean
  user: User | null
}

export const sessionStore = createStore<SessionState>({ ready: false, user: null })
export const configStore = createStore<ServerConfig | null>(null)

export async function loadConfig (): Promise<ServerConfig> {
  try {
    const config = await getConfig()
    configStore.set(config)
    return config
  } catch {
    // The client still works with defaults if /config is unavailable.
    const fallback: ServerConfig = {}
    configStore.set(fallback)
    return fallback
  }
}

export async function refreshUser (): Promise<User | null> {
  if (!getTokens()) {
    sessionStore.set({ ready: true, user: null })
    return null
  }
  try {
    const user = await getMe()
    sessionStore.set({ ready: true, user })
    return user
  } catch {
    sessionStore.set({ ready: true, user: null })
    return null
  }
}

export async function signIn (username: string, password: string): Promise<User | null> {
  await oauthLogin(username, password)
  return await refreshUser()
}

export async function signOut (): Promise<void> {
  await oauthLogout()
  sessionStore.set({ ready: true, user: null })
}

/** The account is gone (deleted): its tokens died with it, so there is nothing to revoke. */
export function forgetSession (): void {
  clearTokens()
  sessionStore.set({ ready: true, user: null })
}

// Tokens cleared elsewhere (failed refresh, sign-out in another tab): reflect it.
onTokensChange(tokens => {
  if (!tokens && sessionStore.get().user) sessionStore.set({ ready: true, user: null })
})

export function isModeratorOrAdmin (user: User | null): boolean {
  return !!user && user.role.id <= UserRole.MODERATOR
}

export function isAdmin (user: User | null): boolean {
  return !!user && user.role.id === UserRole.ADMINISTRATOR
}

/** The user's choice when signed in, else the instance default, else "blur". */
export function effectiveNSFWPolicy (): NSFWPolicy {
  return sessionStore.get().user?.nsfwPolicy ?? configStore.get()?.instance?.defaultNSFWPolicy ?? 'blur'
}

/** What to ask lists for: hidden NSFW videos are not requested at all. */
export function nsfwListParam (): 'true' | 'false' | 'both' {
  return effectiveNSFWPolicy() === 'do_not_list' ? 'false' : 'both'
}

export function isP2PEnabled (embed = false): boolean {
  const user = sessionStore.get().user
  if (user && user.p2pEnabled === false) return false
  const p2p = configStore.get()?.defaults?.p2p
  const flag = embed ? p2p?.embed?.enabled : p2p?.webapp?.enabled
  return flag !== false
}

/** The player must know the ICE servers and the P2P preferences before it starts. */
export function usePlayerSettingsReady (): boolean {
  const config = useStore(configStore)
  const session = useStore(sessionStore)
  return config !== null && session.ready
}
