import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { getFfmpegPath } from '../../helpers/ffmpeg/binaries.js'
import type { X264Preset } from '../../initializers/constants/transcoding.js'

const execFileAsync = promisify(execFile)

/**
 * Named encoder profiles (PeerTube's transcoding.profile). 'default' is libx264 with the configured preset; the
 * x264-* ones pin a preset; hardware ones exist only where a trial encode works (an NVIDIA GPU for NVENC). The instance announces those it can run in /api/v1/config; runners announce theirs.
 */
export interface EncoderProfile {
  name: string
  codec: 'libx264' | 'h264_nvenc'
  /** x264 preset, when the profile pins one. */
  preset?: X264Preset
  hardware: boolean
}

export const ENCODER_PROFILES: readonly EncoderProfile[] = [
  { name: 'default', codec: 'libx264', hardware: false },
  { name: 'x264-ultrafast', codec: 'libx264', preset: 'ultrafast', hardware: false },
  { name: 'x264-veryfast', codec: 'libx264', preset: 'veryfast', hardware: false },
  { name: 'x264-medium', codec: 'libx264', preset: 'medium', hardware: false },
  { name: 'x264-slow', codec: 'libx264', preset: 'slow', hardware: false },
  { name: 'h264_nvenc', codec: 'h264_nvenc', hardware: true }
]

export function findEncoderProfile (name: string) {
  return ENCODER_PROFILES.find(p => p.name === name)
}

/** The x264 preset a profile encodes with (the configured one for 'default' and hardware profiles' spot checks). */
export function x264PresetOf (name: string, configuredPreset: X264Preset): X264Preset {
  return findEncoderProfile(name)?.preset ?? configuredPreset
}

/** Encoder arguments for `-c:v` and friends; the caller adds rate control common to all. */
export function videoEncoderArgs (profile: EncoderProfile, configuredPreset: X264Preset): string[] {
  if (profile.codec === 'h264_nvenc') return [ '-c:v', 'h264_nvenc', '-preset', 'p4', '-rc', 'vbr', '-cq', '23', '-profile:v', 'high' ]
  return [ '-c:v', 'libx264', '-preset', profile.preset ?? configuredPreset ]
}

let detected: Promise<string[]> | undefined

/** Profiles this machine can run: every x264 one when ffmpeg has libx264, hardware ones that pass a trial encode. */
export function detectEncoderProfiles (): Promise<string[]> {
  detected ??= detect()
  return detected
}

async function detect () {
  const { stdout } = await execFileAsync(getFfmpegPath(), [ '-hide_banner', '-encoders' ]).catch(() => ({ stdout: '' }))
  const available: string[] = []
  for (const profile of ENCODER_PROFILES) {
    if (!new RegExp(`\\s${profile.codec}\\s`).test(stdout)) continue
    if (profile.hardware && !await trialEncode(profile)) continue
    available.push(profile.name)
  }
  return available
}

/** One small frame through the hardware encoder: listed in `ffmpeg -encoders` does not mean a device is there. */
async function trialEncode (profile: EncoderProfile) {
  try {
    await execFileAsync(getFfmpegPath(), [
      '-hide_banner', '-loglevel', 'error', '-f', 'lavfi', '-i', 'color=c=black:s=256x144:d=0.1',
      '-c:v', profile.codec, '-frames:v', '1', '-f', 'null', '-'
    ], { timeout: 15_000 })
    return true
  } catch {
    return false
  }
}
