// One versioned write for every editable entity (ADR 0021). See ./versioned-write.ts.
export { versionedWrite, type VersionedWrite, type WriteOutcome } from './versioned-write';
export {
  changesSince,
  conflictMessage,
  conflictSince,
  versionedEntity,
  type ConflictCurrent,
  type ConflictInfo,
  type VersionedEntity,
  type VersionedEntityKey,
  type VersionedEntityType,
} from './conflict';
export { baseVersionField, formVersion, parseIfMatch, VERSION_REQUIRED, withBaseVersion } from './base-version';
