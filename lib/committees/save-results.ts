// What the committee pages' server actions take and return. The types live here, in the
// domain, so that the form in components/committees reads them without importing app/
// (ADR 0020); app/(app)/regions/[code]/comites/server-actions.ts implements them. A failure
// carries the 409's `current` object unchanged (lib/forms/save-result.ts `ConflictCurrent`).
import type { FormSaveResult } from '@/lib/forms/save-result';

export type SaveCommitteeInput = { mode: 'create'; regionCode: string; data: unknown } | { mode: 'update'; id: string; data: unknown };

export type SaveCommitteeResult = FormSaveResult;
