'use client';

// The roles editor: one line per role, with the scope that role requires (a territory,
// a region, an operator, or nothing for national roles). Fields are named
// `memberships.<line>.<field>` for the server action. Without JavaScript every scope
// select is shown and a blank line lets the administrator add one role per save; with
// JavaScript only the relevant scope is shown and lines are added and removed in place.
import { useRef, useState, useSyncExternalStore } from 'react';
import { flushSync } from 'react-dom';
import { Button } from '@/components/ui/button';
import { Select, TextInput } from '@/components/ui/form';
import { ROLE_LABELS } from '@/lib/authz/policy';
import { ROLES, scopeKindOf, type ScopeKind } from '@/lib/admin/schemas';
import type { Role } from '@/lib/generated/prisma/enums';

export interface MembershipValue {
  role: Role | '';
  territory: string;
  region: string;
  operator: string;
  title: string;
}

export interface MembershipChoices {
  territories: { slug: string; name: string }[];
  regions: { code: string; name: string }[];
  operators: { slug: string; name: string }[];
}

interface Line extends MembershipValue {
  key: number;
}

const BLANK: MembershipValue = { role: '', territory: '', region: '', operator: '', title: '' };

const SCOPE_HINTS: Record<ScopeKind, string> = {
  territory: 'Rôle local : il s’exerce sur un territoire.',
  region: 'Copilote régional : il s’exerce sur une région.',
  operator: 'Il s’exerce pour un opérateur partenaire.',
  national: 'Rôle national : il porte sur tout le programme, sans périmètre à choisir.',
};

const subscribeNothing = () => () => undefined;

export function MembershipsFields({
  initial,
  choices,
  errors = {},
  legend = 'Rôles et périmètres',
}: {
  initial: MembershipValue[];
  choices: MembershipChoices;
  errors?: Record<string, string[]>;
  legend?: string;
}) {
  const [lines, setLines] = useState<Line[]>(() => initial.map((v, i) => ({ ...v, key: i })));
  // False on the server and before hydration: the form must then work without JavaScript.
  const enhanced = useSyncExternalStore(subscribeNothing, () => true, () => false);
  const addRef = useRef<HTMLButtonElement>(null);

  // Without JavaScript, a trailing blank line is the only way to add a role.
  const shown: (Line & { blank?: true })[] =
    !enhanced && lines.at(-1)?.role !== '' ? [...lines, { ...BLANK, key: -1, blank: true }] : lines;

  const update = (key: number, patch: Partial<MembershipValue>) =>
    setLines((current) => current.map((l) => (l.key === key ? { ...l, ...patch } : l)));

  const remove = (key: number, index: number) => {
    flushSync(() => setLines((current) => current.filter((l) => l.key !== key)));
    // Keep the focus somewhere sensible: the line now at this place, or the add button.
    const nextRole = document.querySelectorAll<HTMLSelectElement>('[data-role-select]')[index];
    (nextRole ?? addRef.current)?.focus();
  };

  const add = () => {
    const key = Math.max(-1, ...lines.map((l) => l.key)) + 1;
    flushSync(() => setLines((current) => [...current, { ...BLANK, key }]));
    document.getElementById(`membre-${key}-role`)?.focus();
  };

  const general = Object.entries(errors)
    .filter(([k]) => k === 'memberships')
    .flatMap(([, m]) => m);

  return (
    <fieldset className="space-y-4">
      <legend className="text-lg font-semibold text-neutral-900">{legend}</legend>
      {general.length > 0 && (
        <div id="membres-erreur" className="border-l-4 border-danger-700 pl-4 font-semibold text-danger-700">
          {general.map((m) => (
            <p key={m}>{m}</p>
          ))}
        </div>
      )}
      {lines.length === 0 && <p className="text-neutral-700">Aucun rôle : l’utilisateur ne verra aucun territoire.</p>}
      <ol className="space-y-4">
        {shown.map((line, index) => {
          const kind = line.role ? scopeKindOf(line.role) : null;
          const err = (field: string) => errors[`memberships.${index}.${field}`];
          const id = (field: string) => `membre-${line.blank ? 'nouveau' : line.key}-${field}`;
          const name = (field: string) => `memberships.${index}.${field}`;
          const show = (scope: ScopeKind) => !enhanced || kind === scope;
          return (
            <li key={line.key} className="rounded border border-neutral-300 p-4">
              <p className="mb-3 font-medium text-neutral-900">{line.blank ? 'Ajouter un rôle' : `Rôle ${index + 1}`}</p>
              <div className="grid gap-4 md:grid-cols-2">
                <Select
                  id={id('role')}
                  name={name('role')}
                  label="Rôle"
                  data-role-select=""
                  placeholder={enhanced ? '— Choisir un rôle —' : '— Aucun (ligne ignorée) —'}
                  value={line.role}
                  onChange={(e) => update(line.key, { role: e.target.value as Role | '' })}
                  options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
                  hint={enhanced && kind ? SCOPE_HINTS[kind] : undefined}
                  error={err('role')}
                />
                {show('territory') && (
                  <Select
                    id={id('territory')}
                    name={name('territory')}
                    label={enhanced ? 'Territoire' : 'Territoire (rôles locaux)'}
                    placeholder="— Choisir un territoire —"
                    value={line.territory}
                    onChange={(e) => update(line.key, { territory: e.target.value })}
                    options={choices.territories.map((t) => ({ value: t.slug, label: t.name }))}
                    error={err('territory')}
                  />
                )}
                {show('region') && (
                  <Select
                    id={id('region')}
                    name={name('region')}
                    label={enhanced ? 'Région' : 'Région (copilotes régionaux)'}
                    placeholder="— Choisir une région —"
                    value={line.region}
                    onChange={(e) => update(line.key, { region: e.target.value })}
                    options={choices.regions.map((r) => ({ value: r.code, label: r.name }))}
                    error={err('region')}
                  />
                )}
                {show('operator') && (
                  <Select
                    id={id('operator')}
                    name={name('operator')}
                    label={enhanced ? 'Opérateur' : 'Opérateur (personnel d’un opérateur)'}
                    placeholder="— Choisir un opérateur —"
                    value={line.operator}
                    onChange={(e) => update(line.key, { operator: e.target.value })}
                    options={choices.operators.map((o) => ({ value: o.slug, label: o.name }))}
                    error={err('operator')}
                  />
                )}
                <TextInput
                  id={id('title')}
                  name={name('title')}
                  label="Fonction (facultatif)"
                  hint="Par exemple : Maire de Carmaux, Directeur d’usine"
                  maxLength={200}
                  value={line.title}
                  onChange={(e) => update(line.key, { title: e.target.value })}
                  error={err('title')}
                />
              </div>
              {enhanced && (
                <Button
                  type="button"
                  variant="ghost"
                  size="sm"
                  className="mt-3"
                  aria-label={`Retirer le rôle ${index + 1}${line.role ? ` (${ROLE_LABELS[line.role]})` : ''}`}
                  onClick={() => remove(line.key, index)}
                >
                  Retirer ce rôle
                </Button>
              )}
            </li>
          );
        })}
      </ol>
      {enhanced && (
        <Button ref={addRef} type="button" variant="secondary" size="sm" onClick={add}>
          Ajouter un rôle
        </Button>
      )}
    </fieldset>
  );
}
