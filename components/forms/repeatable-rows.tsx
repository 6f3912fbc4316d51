'use client';

// Repeatable rows (financing lines, milestones, indicators, committee attendees...): each row a
// fieldset with a numbered legend; "Monter" / "Descendre" / "Retirer" buttons named for their row;
// an add button. Focus: a new row's first field; after removal, the row that took its place (else
// the add button); after a move, the moved row's button. Moves are announced.
import { useState, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import type { FormApi } from './use-form';

type ArrayField<V> = { [K in keyof V]: V[K] extends readonly unknown[] ? K : never }[keyof V] & string;
type RowOf<V, K extends keyof V> = V[K] extends readonly (infer R)[] ? R : never;

export interface RepeatableRowsProps<V, K extends ArrayField<V>> {
  form: FormApi<V>;
  section: K;
  /** Row noun, lower case, for legends and announcements: "jalon" → "Jalon 2". */
  noun: string;
  /** Object of the remove button, read after "Retirer": "le jalon" → "Retirer le jalon 2". */
  removeObject: string;
  addLabel: string;
  emptyText: string;
  limit: number;
  newRow(): RowOf<V, K>;
  /** Id of a row's first control (focused after add/remove). */
  firstFieldId(index: number): string;
  addButtonId: string;
  /** Rows can be reordered with "Monter" / "Descendre". */
  reorderable?: boolean;
  /** Stable React key of a row. */
  rowKey(row: RowOf<V, K>, index: number): string;
  /** The row's fields; `suffix` is the hidden " (jalon 2)" to append to each label. */
  children(row: RowOf<V, K>, index: number, suffix: ReactNode): ReactNode;
  /** Shown above the rows (section errors, saved-value note). */
  header?: ReactNode;
}

export function SrOnly({ children }: { children: ReactNode }) {
  return <span className="sr-only">{children}</span>;
}

const capitalize = (s: string) => s.replace(/^./, (c) => c.toUpperCase());

export function RepeatableRows<V, K extends ArrayField<V>>(props: RepeatableRowsProps<V, K>) {
  const { form, section, noun, limit } = props;
  const rows = form.values[section] as readonly RowOf<V, K>[];
  const [announce, setAnnounce] = useState('');
  const moveId = (index: number, dir: 'monter' | 'descendre') => `${form.id}-${section}-${index}-${dir}`;
  const move = (from: number, to: number) => {
    form.moveRow(section, from, to, (i) => (i === 0 ? moveId(i, 'descendre') : i === rows.length - 1 ? moveId(i, 'monter') : moveId(i, to < from ? 'monter' : 'descendre')));
    setAnnounce(`${capitalize(noun)} ${from + 1} : maintenant en position ${to + 1}.`);
  };
  return (
    <div className="space-y-4">
      {props.header}
      {rows.length === 0 && <p className="text-neutral-700">{props.emptyText}</p>}
      {rows.map((row, i) => {
        const n = i + 1;
        const object = <SrOnly>{` ${props.removeObject} ${n}`}</SrOnly>;
        return (
          <fieldset key={props.rowKey(row, i)} className="space-y-4 rounded border border-neutral-300 p-4">
            <legend className="px-1 font-semibold text-neutral-900">{`${capitalize(noun)} ${n}`}</legend>
            {props.children(row, i, <SrOnly>{` (${noun} ${n})`}</SrOnly>)}
            <div className="flex flex-wrap justify-end gap-2">
              {props.reorderable && rows.length > 1 && (
                <>
                  <Button id={moveId(i, 'monter')} type="button" variant="secondary" size="sm" disabled={i === 0} onClick={() => move(i, i - 1)}>
                    Monter{object}
                  </Button>
                  <Button
                    id={moveId(i, 'descendre')}
                    type="button"
                    variant="secondary"
                    size="sm"
                    disabled={i === rows.length - 1}
                    onClick={() => move(i, i + 1)}
                  >
                    Descendre{object}
                  </Button>
                </>
              )}
              <Button
                type="button"
                variant="secondary"
                size="sm"
                onClick={() => {
                  form.removeRow(section, i, { row: props.firstFieldId, empty: props.addButtonId });
                  setAnnounce(`Retiré : ${noun} ${n}.`);
                }}
              >
                Retirer{object}
              </Button>
            </div>
          </fieldset>
        );
      })}
      <div>
        <Button
          type="button"
          variant="secondary"
          id={props.addButtonId}
          onClick={() => form.addRow(section, props.newRow() as never, props.firstFieldId)}
          disabled={rows.length >= limit}
        >
          {props.addLabel}
        </Button>
        {rows.length >= limit && <p className="mt-1 text-sm text-neutral-700">{limit} lignes au maximum.</p>}
      </div>
      <p role="status" className="sr-only">
        {announce}
      </p>
    </div>
  );
}
