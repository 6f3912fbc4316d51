import type { Metadata } from 'next';
import { PageHeader } from '@/components/ui/page-header';
import { Table, THead, TBody, Tr, Th, Td } from '@/components/ui/table';
import { requireActor } from '@/lib/auth/session';
import { ROLE_LABELS } from '@/lib/authz/policy';
import { getAction, getActionHistory } from '@/lib/actions/queries';
import { FIELD_LABELS, type TrackedField } from '@/lib/actions/dto';
import { formatFieldValue, OPERATION_LABELS } from '@/lib/actions/format';
import { orNotFound } from '@/lib/pages';
import { formatDateTime } from '@/lib/labels';
import type { Role } from '@/lib/generated/prisma/enums';

export const metadata: Metadata = { title: "Historique de l'action" };

export default async function ActionHistoryPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor();
  const action = await orNotFound(getAction(actor, id));
  const history = await getActionHistory(actor, id);
  return (
    <>
      <PageHeader
        title={`Historique de ${action.reference}`}
        description={action.title}
        breadcrumbs={[
          { href: `/territoires/${action.territory.slug}`, label: action.territory.name },
          { href: `/territoires/${action.territory.slug}/plan`, label: "Plan d'actions" },
          { href: `/actions/${id}`, label: action.reference },
          { href: `/actions/${id}/historique`, label: 'Historique' },
        ]}
      />
      <ol className="space-y-6">
        {history.map((entry) => {
          const fields = Object.keys({ ...(entry.before ?? {}), ...(entry.after ?? {}) }).filter((f) => f in FIELD_LABELS);
          return (
            <li key={entry.id} className="rounded border border-neutral-300 p-4">
              <h2 className="text-lg font-semibold">
                {OPERATION_LABELS[entry.operation] ?? entry.operation}
                {entry.version ? ` — version ${entry.version}` : ''}
              </h2>
              <p className="text-neutral-700">
                {formatDateTime(entry.at)} — {entry.actor?.name ?? 'Système'}
                {entry.actor?.role ? ` (${ROLE_LABELS[entry.actor.role as Role] ?? entry.actor.role})` : ''}
              </p>
              {fields.length > 0 && (
                <div className="mt-3">
                  <Table caption={`Champs modifiés le ${formatDateTime(entry.at)}`} captionHidden>
                    <THead>
                      <Tr>
                        <Th scope="col">Champ</Th>
                        <Th scope="col">Avant</Th>
                        <Th scope="col">Après</Th>
                      </Tr>
                    </THead>
                    <TBody>
                      {fields.map((f) => (
                        <Tr key={f}>
                          <Th scope="row">{FIELD_LABELS[f as TrackedField]}</Th>
                          <Td>{entry.before ? formatFieldValue(f, entry.before[f]) : '—'}</Td>
                          <Td>{formatFieldValue(f, entry.after?.[f])}</Td>
                        </Tr>
                      ))}
                    </TBody>
                  </Table>
                </div>
              )}
            </li>
          );
        })}
      </ol>
    </>
  );
}
