// What the commitment pages' server actions take and return. The types live here, in the
// domain, so that the forms in components/commitments read them without importing app/
// (ADR 0020); the server actions beside the pages implement them.
import type { FieldErrors } from '@/lib/errors';
import type { CommitmentDto } from './queries';

/** The `current` of a commitment's 409 (lib/commitments/mutations.ts `conflictSince`). */
export interface CommitmentConflict {
  commitment: CommitmentDto;
  /** Field keys changed since `baseVersion`, in form order. */
  changedFields: string[];
  baseVersion: number;
  /** Added by the one versioned write (TEAM.md); absent from older servers. */
  changedFieldLabels?: string[];
  version?: number;
  changedBy?: string | null;
  changedAt?: string | null;
}

export type SaveCommitmentInput = { mode: 'create'; data: unknown } | { mode: 'update'; id: string; data: unknown };

export type SaveDeliveryInput = { id: string; data: unknown };

export type SaveCommitmentResult =
  | { ok: true; id: string; version: number; redirectTo: string; commitment: CommitmentDto }
  | { ok: false; message: string; errors?: FieldErrors; conflict?: CommitmentConflict };

/** The link and unlink forms of the funded actions (plain form posts). */
export type CommitmentLinkFormState = { ok: boolean; message: string; errors?: FieldErrors } | null;
