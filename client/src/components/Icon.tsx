// Small stroke icons for the menu and buttons, drawn for this client (24 x 24 grid, currentColor).
const PATHS = {
  menu: 'M4 6h16M4 12h16M4 18h16',
  home: 'M4 11l8-7 8 7v9h-5v-6h-6v6H4z',
  discover: 'M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18zM15.5 8.5l-2 5-5 2 2-5z',
  subscriptions: 'M4 7h16v12H4zM7 4h10M10 10l5 3-5 3z',
  library: 'M5 4v16M9 4v16M13 5l4 15M3 20h18',
  trending: 'M4 17l5-5 4 4 7-8M15 8h5v5',
  recent: 'M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18zM12 7v5l3 3',
  local: 'M12 21s-7-6.2-7-11a7 7 0 0 1 14 0c0 4.8-7 11-7 11zM12 7.5a2.5 2.5 0 1 0 0 5a2.5 2.5 0 1 0 0-5z',
  video: 'M3 6h13v12H3zM16 10l5-3v10l-5-3',
  channel: 'M3 7h18v12H3zM8 3l4 4 4-4',
  upload: 'M12 16V4M7 9l5-5 5 5M4 20h16',
  user: 'M12 4a4 4 0 1 0 0 8a4 4 0 1 0 0-8zM4 21c1-4.5 4-6.5 8-6.5s7 2 8 6.5',
  settings: 'M12 9a3 3 0 1 0 0 6a3 3 0 1 0 0-6zM12 2v3M12 19v3M2 12h3M19 12h3M5 5l2 2M17 17l2 2M19 5l-2 2M7 17l-2 2',
  admin: 'M12 3l8 3v6c0 5-3.5 8-8 9-4.5-1-8-4-8-9V6z',
  users: 'M9 5a3.5 3.5 0 1 0 0 7a3.5 3.5 0 1 0 0-7zM2 20c.8-3.6 3.5-5.5 7-5.5s6.2 1.9 7 5.5M16 5.5a3 3 0 0 1 0 6M18 14.8c2 .7 3.3 2.4 4 5.2',
  follows: 'M5 12h14M13 6l6 6-6 6',
  jobs: 'M4 6h16M4 12h10M4 18h7',
  info: 'M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18zM12 11v6M12 7.5v.5',
  play: 'M8 5l11 7-11 7z',
  download: 'M12 4v12M7 11l5 5 5-5M4 20h16',
  heart: 'M12 20s-7.5-4.6-7.5-10A4.5 4.5 0 0 1 12 7.4 4.5 4.5 0 0 1 19.5 10c0 5.4-7.5 10-7.5 10z',
  stats: 'M5 20V11M10 20V5M15 20v-7M20 20V9',
  close: 'M6 6l12 12M18 6L6 18',
  language: 'M3 5h10M8 3v2M5 5c1 4 4 7 7 8M11 5c-1 4-4 7-7 8M13 21l4-9 4 9M14.5 18h5',
  playlist: 'M4 6h12M4 11h12M4 16h7M15 14v6l5-3z',
  clock: 'M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18zM12 7v5h4',
  bell: 'M18 9a6 6 0 0 0-12 0c0 6-3 8-3 8h18s-3-2-3-8M10 20a2 2 0 0 0 4 0',
  flag: 'M5 21V4M5 4h11l-2 4 2 4H5',
  comment: 'M4 5h16v11H9l-5 4z',
  mail: 'M3 6h18v12H3zM3 7l9 6 9-6',
  history: 'M4 12a8 8 0 1 0 2.6-5.9M4 4v4h4M12 8v4l3 2',
  live: 'M12 10a2 2 0 1 0 0 4a2 2 0 1 0 0-4zM8 8a5.5 5.5 0 0 0 0 8M16 8a5.5 5.5 0 0 1 0 8M5 5a9.5 9.5 0 0 0 0 14M19 5a9.5 9.5 0 0 1 0 14'
} as const

export type IconName = keyof typeof PATHS

export function Icon ({ name, size = 20, label }: { name: IconName; size?: number; label?: string }) {
  return (
    <svg class="icon" width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="1.8"
      stroke-linecap="round" stroke-linejoin="round" aria-hidden={label ? undefined : 'true'} role={label ? 'img' : undefined} aria-label={label}>
      <path d={PATHS[name]} />
    </svg>
  )
}
