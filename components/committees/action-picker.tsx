'use client';

// The committee form's action picker: a filterable list of native checkboxes grouped by
// territory, and the selection with a "Retirer" button per action; reachable and operable
// with the keyboard alone. The form owns the values; this renders them.
import type { FocusEvent } from 'react';
import { ActionCheckbox } from '@/components/actions/action-checkbox';
import { Button } from '@/components/ui/button';
import { fieldAria } from '@/components/ui/form';
import { plural } from '@/components/forms/errors';
import type { LinkableSearch } from '@/lib/committees/picker';
import { COMMITTEE_FIELD_IDS as ID, checkboxId, removeButtonId } from './committee-form-logic';

export interface ActionPickerProps {
  /** The actions matching the filter (at most 50, from the server) and how many match. */
  results: LinkableSearch;
  /** A search for the filter is under way. */
  searching: boolean;
  /** Selected ids in list order. */
  selectedList: string[];
  describe(id: string): { reference: string; title: string; territory: string } | undefined;
  filter: string;
  onFilter(filter: string): void;
  onToggle(id: string, checked: boolean): void;
  onRemove(id: string, index: number): void;
  onBlur(event: FocusEvent<HTMLElement>): void;
  hint: string;
  errors?: string[];
}

export function ActionPicker({ results, searching, selectedList, describe, filter, onFilter, onToggle, onRemove, onBlur, hint, errors }: ActionPickerProps) {
  const selected = new Set(selectedList);
  const visibleGroups = results.groups;
  const more = results.total > results.shown ? ` Les ${results.shown} premières sont affichées : précisez le filtre pour voir les autres.` : '';
  return (
    <fieldset id={ID.actions} aria-describedby={fieldAria(ID.actions, hint, errors)['aria-describedby']}>
      <legend className="mb-2 text-xl font-bold text-neutral-900">Actions examinées</legend>
      <p id={`${ID.actions}-aide`} className="text-sm text-neutral-700">
        {hint}
      </p>
      {errors && (
        <div id={`${ID.actions}-erreur`} className="mt-2 border-l-4 border-danger-700 pl-4 font-semibold text-danger-700">
          {errors.map((m, i) => (
            <p key={i}>{m}</p>
          ))}
        </div>
      )}

      {selectedList.length > 0 && (
        <div className="mt-4">
          <h3 className="font-semibold text-neutral-900">Sélection</h3>
          <ul className="mt-2 space-y-1">
            {selectedList.map((id, index) => {
              const a = describe(id);
              if (!a) return null;
              return (
                <li key={id} className="flex flex-wrap items-center gap-2">
                  <span>
                    {a.territory} — {a.reference} : {a.title}
                  </span>
                  <Button
                    type="button"
                    size="sm"
                    variant="ghost"
                    id={removeButtonId(id)}
                    aria-label={`Retirer ${a.reference} (${a.territory}) de la sélection`}
                    onClick={() => onRemove(id, index)}
                  >
                    Retirer
                  </Button>
                </li>
              );
            })}
          </ul>
        </div>
      )}

      {results.total === 0 && !filter.trim() && !searching ? (
        <p className="mt-4">Aucune action dans les plans des territoires de la région.</p>
      ) : (
        <>
          <div className="mt-6 flex max-w-xl flex-col gap-2">
            <label htmlFor={ID.filter} className="font-medium text-neutral-900">
              Filtrer les actions
            </label>
            <p id={`${ID.filter}-aide`} className="text-sm text-neutral-700">
              Référence (FA-3), mots du titre ou nom du territoire.
            </p>
            <input
              id={ID.filter}
              type="search"
              autoComplete="off"
              aria-describedby={`${ID.filter}-aide ${ID.filter}-resultat`}
              className="block w-full rounded border border-neutral-500 bg-white px-3 py-2 text-neutral-900"
              value={filter}
              onChange={(e) => onFilter(e.target.value)}
              onKeyDown={(e) => {
                // Enter in the filter must not submit the whole form.
                if (e.key === 'Enter') e.preventDefault();
              }}
            />
            <p id={`${ID.filter}-resultat`} aria-live="polite" className="text-sm text-neutral-700">
              {searching
                ? 'Recherche…'
                : `${filter.trim() ? plural(results.total, 'action correspond', 'actions correspondent') : `${plural(results.total, 'action')} dans la région`}.${more}`}
            </p>
          </div>
          {visibleGroups.length === 0 ? (
            <p className="mt-4">Aucune action ne correspond à ce filtre.</p>
          ) : (
            <div className="mt-4 space-y-6">
              {visibleGroups.map((g) => {
                const inGroup = g.actions.filter((a) => selected.has(a.id)).length;
                return (
                  <fieldset key={g.territory.slug} className="rounded border border-neutral-200 p-4">
                    <legend className="px-1 font-semibold text-neutral-900">
                      {g.territory.name}
                      {inGroup > 0 && <span className="font-normal"> — {plural(inGroup, 'sélectionnée')}</span>}
                    </legend>
                    <ul className="mt-2 space-y-2">
                      {g.actions.map((a) => (
                        <ActionCheckbox
                          key={a.id}
                          id={checkboxId(a.id)}
                          name="actionIds"
                          value={a.id}
                          checked={selected.has(a.id)}
                          onChange={(e) => onToggle(a.id, e.target.checked)}
                          onBlur={onBlur}
                          reference={a.reference}
                          title={a.title}
                          archived={a.archived}
                        />
                      ))}
                    </ul>
                  </fieldset>
                );
              })}
            </div>
          )}
        </>
      )}
    </fieldset>
  );
}
