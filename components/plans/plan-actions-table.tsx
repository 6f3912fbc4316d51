'use client';
// The plan's table of actions, from compact rows (issue 10, ADR 0026): a client component
// so that the page's payload carries the rows as plain values, not the rendered cells a
// second time. When the plan can be reordered, the whole table is one form bound to the
// move action: each "Monter" / "Descendre" button sends its own `move` value (instead of
// two forms per row, each carrying the action's hidden fields), the result is announced
// above the table, and every button waits while a move is under way. Works without
// JavaScript (the form posts the action).
import { useActionState, type ReactNode } from 'react';
import { Table, THead, TBody, Tr, Th, Td } from '@/components/ui/table';
import { Badge, type Tone } from '@/components/ui/badge';
import { Alert, AlertList } from '@/components/ui/alert';
import { buttonClasses } from '@/components/ui/button';
import { useSoftNavigation } from '@/components/navigation/soft-navigation';
import type { FormState } from '@/lib/forms/save-result';

export interface PlanActionRow {
  id: string;
  reference: string;
  title: string;
  lateMilestones: number;
  axes: string;
  phase: string;
  status: string;
  statusTone: Tone;
  endDate: string;
  budget: string;
  /** Can move up / down (not the first / last action of the plan). */
  up?: boolean;
  down?: boolean;
}

type MoveAction = (state: FormState, form: FormData) => Promise<FormState>;

/** The `move` value of a button: the action's id and the direction. */
export const moveValue = (id: string, direction: 'up' | 'down') => `${id}:${direction}`;

function Rows({ rows, movable, pending }: { rows: PlanActionRow[]; movable: boolean; pending: boolean }) {
  return rows.map((a) => (
    <Tr key={a.id}>
      <Td>{a.reference}</Td>
      <Th scope="row">
        <a className="link font-semibold" href={`/actions/${a.id}`}>
          {a.title}
        </a>
        {a.lateMilestones > 0 && (
          <span className="mt-1 block">
            <Badge tone="warning">{`${a.lateMilestones} jalon${a.lateMilestones > 1 ? 's' : ''} en retard`}</Badge>
          </span>
        )}
      </Th>
      <Td>{a.axes}</Td>
      <Td>{a.phase}</Td>
      <Td>
        <Badge tone={a.statusTone}>{a.status}</Badge>
      </Td>
      <Td>{a.endDate}</Td>
      <Td numeric>{a.budget}</Td>
      {movable && (
        <Td>
          <div className="flex gap-1">
            {a.up && (
              <button type="submit" name="move" value={moveValue(a.id, 'up')} disabled={pending} aria-label={`Monter ${a.reference}`} className={buttonClasses('ghost', 'md')}>
                ↑
              </button>
            )}
            {a.down && (
              <button type="submit" name="move" value={moveValue(a.id, 'down')} disabled={pending} aria-label={`Descendre ${a.reference}`} className={buttonClasses('ghost', 'md')}>
                ↓
              </button>
            )}
          </div>
        </Td>
      )}
    </Tr>
  ));
}

function ActionsTable({ caption, rows, movable, pending }: { caption: string; rows: PlanActionRow[]; movable: boolean; pending: boolean }): ReactNode {
  const onClick = useSoftNavigation();
  return (
    <Table caption={caption} captionHidden onClick={onClick}>
      <THead>
        <Tr>
          <Th scope="col">Réf.</Th>
          <Th scope="col">Action</Th>
          <Th scope="col">Axes</Th>
          <Th scope="col">Phase</Th>
          <Th scope="col">Statut</Th>
          <Th scope="col">Échéance</Th>
          <Th scope="col" numeric>
            Budget
          </Th>
          {movable && <Th scope="col">Ordre</Th>}
        </Tr>
      </THead>
      <TBody>
        <Rows rows={rows} movable={movable} pending={pending} />
      </TBody>
    </Table>
  );
}

function MovableActionsTable({ caption, rows, slug, move }: { caption: string; rows: PlanActionRow[]; slug: string; move: MoveAction }) {
  const [state, formAction, pending] = useActionState(move, null);
  return (
    <form action={formAction}>
      <input type="hidden" name="slug" value={slug} />
      {state && (
        <Alert tone={state.ok ? 'success' : 'error'} className="mb-4">
          {state.message}
          <AlertList items={Object.values(state.errors ?? {}).flat()} />
        </Alert>
      )}
      <ActionsTable caption={caption} rows={rows} movable pending={pending} />
    </form>
  );
}

export function PlanActionsTable({ caption, rows, slug, move }: { caption: string; rows: PlanActionRow[]; slug: string; move?: MoveAction }) {
  if (move) return <MovableActionsTable caption={caption} rows={rows} slug={slug} move={move} />;
  return <ActionsTable caption={caption} rows={rows} movable={false} pending={false} />;
}
