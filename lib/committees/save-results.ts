// What the committee pages' server actions take and return. The types live here, in the
// domain, so that the form in components/committees reads them without importing app/
// (ADR 0020); app/(app)/regions/[code]/comites/server-actions.ts implements them.
import type { FieldErrors } from '@/lib/errors';
import type { CommitteeDto } from './queries';

/** The `current` of a committee's 409 (lib/committees/mutations.ts `conflictSince`). */
export interface CommitteeConflict {
  committee: CommitteeDto;
  /** Field keys changed since `baseVersion`, in form order. */
  changedFields: string[];
  baseVersion: number;
  /** Added by the one versioned write (TEAM.md); absent from older servers. */
  changedFieldLabels?: string[];
  version?: number;
  changedBy?: string | null;
  changedAt?: string | null;
}

export type SaveCommitteeInput = { mode: 'create'; regionCode: string; data: unknown } | { mode: 'update'; id: string; data: unknown };

export type SaveCommitteeResult =
  | { ok: true; id: string; version: number; redirectTo: string }
  | { ok: false; message: string; errors?: FieldErrors; conflict?: CommitteeConflict };
