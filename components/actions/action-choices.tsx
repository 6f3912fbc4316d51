'use client';
// The funded-actions picker's list (a commitment's page of actions to link): native
// checkboxes grouped by territory, from compact items (issue 10, ADR 0026) so that the
// page's payload carries the items, not the rendered list a second time. Server-rendered,
// works without JavaScript inside the page's form.
import { ActionCheckbox } from './action-checkbox';

export interface ActionChoiceGroup {
  territory: string;
  /** id, reference, title, status label, checked, archived. */
  actions: { id: string; r: string; t: string; s: string; c?: boolean; a?: boolean }[];
}

export function ActionChoices({ groups, name, idPrefix }: { groups: ActionChoiceGroup[]; name: string; idPrefix: string }) {
  return groups.map((g) => (
    <fieldset key={g.territory} className="rounded border border-neutral-200 bg-white p-4">
      <legend className="px-1 font-semibold text-neutral-900">{g.territory}</legend>
      <ul className="mt-2 space-y-2">
        {g.actions.map((a) => (
          <ActionCheckbox
            key={a.id}
            id={`${idPrefix}${a.id}`}
            name={name}
            value={a.id}
            defaultChecked={!!a.c}
            reference={a.r}
            title={a.t}
            archived={!!a.a}
            extra={<span className="text-sm text-neutral-700">{` (${a.s})`}</span>}
          />
        ))}
      </ul>
    </fieldset>
  ));
}
