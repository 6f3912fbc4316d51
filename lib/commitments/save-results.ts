// What the commitment pages' server actions take and return. The types live here, in the
// domain, so that the forms in components/commitments read them without importing app/
// (ADR 0020); app/(app)/engagements/server-actions.ts implements them. A failure carries
// the 409's `current` object unchanged (lib/forms/save-result.ts `ConflictCurrent`).
import type { SaveFailure, SaveSuccess } from '@/lib/forms/save-result';
import type { CommitmentDto } from './queries';

export type SaveCommitmentInput = { mode: 'create'; data: unknown } | { mode: 'update'; id: string; data: unknown };

export type SaveDeliveryInput = { id: string; data: unknown };

export type SaveCommitmentResult = (SaveSuccess & { commitment: CommitmentDto }) | SaveFailure;

/** The link and unlink forms of the funded actions (plain form posts). */
export type { FormState as CommitmentLinkFormState } from '@/lib/forms/save-result';
