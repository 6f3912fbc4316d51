// The dated series of one indicator on the fiche: its table (date, value, comment,
// target) and, for the project lead, a small form recording a value at a date.
import { ServerForm, type ServerFormState } from '@/components/forms/server-form';
import { TextInput } from '@/components/ui/form';
import { Table, THead, TBody, Tr, Th, Td } from '@/components/ui/table';
import { formatDate } from '@/lib/labels';
import type { ActionDto } from '@/lib/actions/dto';

const num = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });

export function IndicatorValues({
  actionId,
  version,
  indicator,
  today,
  record,
}: {
  actionId: string;
  version: number;
  indicator: ActionDto['indicators'][number];
  today: string;
  /** The server action recording a value; absent when the reader may not edit. */
  record?: (state: ServerFormState, form: FormData) => Promise<ServerFormState>;
}) {
  const base = `indicator-${indicator.id}`;
  return (
    <div className="mt-2">
      {indicator.values.length > 0 ? (
        <details>
          <summary className="cursor-pointer text-sm font-medium">
            Valeurs datées ({indicator.values.length})
          </summary>
          <Table caption={`Valeurs datées de l'indicateur ${indicator.name} (${indicator.unit})`}>
            <THead>
              <Tr>
                <Th scope="col">Date</Th>
                <Th scope="col" numeric>
                  Réalisé
                </Th>
                <Th scope="col" numeric>
                  Cible
                </Th>
                <Th scope="col">Commentaire</Th>
              </Tr>
            </THead>
            <TBody>
              {indicator.values.map((v) => (
                <Tr key={v.date}>
                  <Th scope="row">{formatDate(v.date)}</Th>
                  <Td numeric>{num.format(v.value)}</Td>
                  <Td numeric>{indicator.target === null ? '—' : num.format(indicator.target)}</Td>
                  <Td>{v.comment || '—'}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        </details>
      ) : (
        <p className="text-sm text-neutral-700">Aucune valeur datée.</p>
      )}
      {record && (
        <details className="mt-2">
          <summary className="cursor-pointer text-sm font-medium">Enregistrer une valeur datée</summary>
          <ServerForm
            action={record}
            hidden={{ id: actionId, version, indicatorId: indicator.id }}
            submitLabel="Enregistrer la valeur"
            variant="secondary"
            className="mt-2 space-y-3"
          >
            <div className="grid gap-3 sm:grid-cols-3">
              <TextInput id={`${base}-date`} name="date" type="date" label="Date" defaultValue={today} max={today} required />
              <TextInput
                id={`${base}-value`}
                name="value"
                inputMode="decimal"
                label={`Valeur réalisée (${indicator.unit})`}
                hint="Par exemple 12 ou 12,5"
                required
              />
              <TextInput id={`${base}-comment`} name="comment" label="Commentaire" maxLength={500} />
            </div>
          </ServerForm>
        </details>
      )}
    </div>
  );
}
