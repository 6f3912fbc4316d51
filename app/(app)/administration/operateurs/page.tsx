import type { Metadata } from 'next';
import { PageHeader } from '@/components/ui/page-header';
import { Card } from '@/components/ui/card';
import { Badge } from '@/components/ui/badge';
import { Select, TextInput } from '@/components/ui/form';
import { Table, THead, TBody, Tr, Th, Td } from '@/components/ui/table';
import { ServerForm } from '@/components/forms/server-form';
import { requireActor } from '@/lib/auth/session';
import { listOperators } from '@/lib/admin/operators';
import { OPERATOR_KINDS } from '@/lib/admin/schemas';
import { OPERATOR_KIND_LABELS } from '@/lib/admin/labels';
import { orNotFound } from '@/lib/pages';
import { formatInteger } from '@/lib/labels';
import { createOperatorForm, saveOperator } from '../server-actions';
import { OperatorForm } from './operator-form';

export const metadata: Metadata = { title: 'Opérateurs' };

const kindOptions = OPERATOR_KINDS.map((k) => ({ value: k, label: OPERATOR_KIND_LABELS[k] }));

export default async function OperatorsPage() {
  const actor = await requireActor();
  const operators = await orNotFound(listOperators(actor));
  return (
    <>
      <PageHeader
        title="Opérateurs partenaires"
        description="Opérateurs et services de l’État dont les engagements sont suivis. L’identifiant, choisi à la création, ne change plus : les actions, les financements et l’API y font référence."
        breadcrumbs={[{ href: '/administration/operateurs', label: 'Opérateurs' }]}
      />
      <div className="space-y-8">
        <Table caption={`${formatInteger(operators.length)} opérateurs`}>
          <THead>
            <Tr>
              <Th scope="col">Nom</Th>
              <Th scope="col">Identifiant</Th>
              <Th scope="col">Type</Th>
              <Th scope="col" numeric>
                Utilisateurs actifs
              </Th>
              <Th scope="col" numeric>
                Engagements
              </Th>
              <Th scope="col">Modifier</Th>
            </Tr>
          </THead>
          <TBody>
            {operators.map((o) => (
              <Tr key={o.id}>
                <Th scope="row">{o.name}</Th>
                <Td>
                  <code>{o.slug}</code>
                </Td>
                <Td>
                  <Badge tone={o.kind === 'STATE_SERVICE' ? 'info' : 'neutral'}>{OPERATOR_KIND_LABELS[o.kind]}</Badge>
                </Td>
                <Td numeric>{formatInteger(o.memberCount)}</Td>
                <Td numeric>{formatInteger(o.commitmentCount)}</Td>
                <Td>
                  <details>
                    <summary className="link cursor-pointer">
                      Renommer<span className="sr-only"> {o.name}</span>
                    </summary>
                    <OperatorForm operator={o} slug={o.slug} save={saveOperator} />
                  </details>
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
        <Card title="Nouvel opérateur" headingLevel={2}>
          <ServerForm action={createOperatorForm} submitLabel="Créer l’opérateur" pendingLabel="Création…" className="max-w-xl space-y-4">
            <TextInput id="op-nouveau-nom" name="name" label="Nom" required maxLength={200} />
            <TextInput
              id="op-nouveau-identifiant"
              name="slug"
              label="Identifiant (facultatif)"
              hint="Lettres minuscules sans accent, chiffres et tirets. Déduit du nom s’il est laissé vide. Il ne pourra plus changer."
              maxLength={80}
              pattern="[a-z0-9]+(-[a-z0-9]+)*"
            />
            <Select id="op-nouveau-type" name="kind" label="Type" defaultValue="OPERATOR" options={kindOptions} />
          </ServerForm>
        </Card>
      </div>
    </>
  );
}
