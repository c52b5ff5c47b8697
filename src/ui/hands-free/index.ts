/**
 * Hands-free listening: lock-screen and headphone controls, a keep-alive
 * clip, an optional screen wake lock and a sleep timer. Each piece is a Lit
 * reactive controller (or a plain class) over the player store, and each is
 * a no-op where its browser API is missing.
 */
export { MediaSessionController } from './media-session.ts';
export type { MediaSessionLike, MediaSessionOptions } from './media-session.ts';
export { KeepAliveAudio } from './keep-alive-audio.ts';
export type { AudioLike, KeepAliveOptions } from './keep-alive-audio.ts';
export { WakeLockController } from './wake-lock.ts';
export type { WakeLockLike, WakeLockSentinelLike, VisibilityLike, WakeLockOptions } from './wake-lock.ts';
export { SleepTimer, SLEEP_CHOICES } from './sleep-timer.ts';
export type { SleepMode, Clock, SleepTimerOptions } from './sleep-timer.ts';
export type { ControllerHost, HandsFreeStore } from './types.ts';
