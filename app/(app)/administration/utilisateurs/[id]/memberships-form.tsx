'use client';

// The roles editor of a user. It works without JavaScript (a plain form post), so it keeps its
// own form rather than the toolkit's controlled state; on a conflict (another administrator
// saved first, ADR 0021) it shows the toolkit's reading of the one conflict shape: the message,
// who changed what and when, and the saved roles beside the typed ones, with "resume on the
// saved version" (the typed lines are replaced by the saved ones and the new base version is used).
import { useActionState, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button, buttonClasses } from '@/components/ui/button';
import { conflictAuthor, readConflict } from '@/components/forms/conflict';
import { describeMembership } from '@/lib/admin/labels';
import type { MembershipDto } from '@/lib/admin/users';
import { saveMembershipsForm, type FormState } from '../../server-actions';
import { MembershipsFields, type MembershipChoices, type MembershipValue } from '../memberships-fields';

const valueOf = (m: MembershipDto): MembershipValue => ({
  role: m.role,
  territory: m.territory?.slug ?? '',
  region: m.region?.code ?? '',
  operator: m.operator?.slug ?? '',
  title: m.title ?? '',
});

export function MembershipsForm({
  userId,
  version,
  initial,
  choices,
}: {
  userId: string;
  version: number;
  initial: MembershipValue[];
  choices: MembershipChoices;
}) {
  const [state, action, pending] = useActionState<FormState, FormData>(saveMembershipsForm, null);
  const [resumed, setResumed] = useState<{ version: number; initial: MembershipValue[]; key: number } | null>(null);
  const conflict = readConflict<{ version: number; memberships: MembershipDto[] }>(state?.conflict, 'user');
  const showConflict = !!conflict && !(resumed && resumed.version >= conflict.version);
  const base = Math.max(version, resumed?.version ?? 0);
  const author = conflict ? conflictAuthor(conflict) : null;
  return (
    <form action={action} className="space-y-6" aria-busy={pending}>
      <input type="hidden" name="id" value={userId} />
      <input type="hidden" name="version" value={base} />
      {state && showConflict && conflict && (
        <Alert tone="warning" title="Conflit de modification">
          <p>{state.message}</p>
          {author && <p className="mt-1">Dernière modification {author}.</p>}
          <p className="mt-3 font-medium">Rôles enregistrés (version {conflict.version}) :</p>
          <ul className="mt-1 list-disc pl-6">
            {conflict.dto.memberships.length ? (
              conflict.dto.memberships.map((m, i) => <li key={i}>{describeMembership(m)}</li>)
            ) : (
              <li>Aucun rôle.</li>
            )}
          </ul>
          <p className="mt-3">
            Vos saisies sont conservées ci-dessous. Reprenez sur la version enregistrée pour repartir de ces rôles, puis
            refaites vos changements et enregistrez.
          </p>
          <Button
            type="button"
            className="mt-3"
            onClick={() =>
              setResumed({ version: conflict.version, initial: conflict.dto.memberships.map(valueOf), key: (resumed?.key ?? 0) + 1 })
            }
          >
            Reprendre sur la version enregistrée
          </Button>
        </Alert>
      )}
      {state && !showConflict && !(conflict && resumed) && (
        <Alert tone={state.ok ? 'success' : 'error'} title={state.ok ? undefined : 'Les rôles n’ont pas été enregistrés'}>
          <p>{state.message}</p>
        </Alert>
      )}
      {conflict && resumed && !showConflict && (
        <Alert tone="info" title={`Vous travaillez sur la version enregistrée (version ${resumed.version})`}>
          <p>Les rôles affichés sont ceux enregistrés : refaites vos changements puis cliquez sur « Enregistrer les rôles ».</p>
        </Alert>
      )}
      <MembershipsFields
        key={resumed?.key ?? 0}
        initial={resumed?.initial ?? initial}
        choices={choices}
        errors={state?.errors}
        legend="Rôles et périmètres de l’utilisateur"
      />
      <button type="submit" disabled={pending} className={buttonClasses('primary', 'md')}>
        {pending ? 'Enregistrement…' : 'Enregistrer les rôles'}
      </button>
    </form>
  );
}
