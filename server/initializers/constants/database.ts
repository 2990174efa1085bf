/**
 * The schema version this code expects. Fresh installs are created at this version directly; existing ones run
 * every migration in ./migrations whose number is above their recorded version.
 */
export const LAST_MIGRATION_VERSION = 2311

/** Arbitrary key for pg_advisory_lock, so two processes never migrate the same database at once. */
export const MIGRATION_ADVISORY_LOCK = 7_356_241
