'use client';

// The action sheet form (create and edit), built on the form toolkit (components/forms) from the
// field registry's form metadata: sections, labels, input kinds, help texts and limits. What is
// typed lives in React state, so a failed save (invalid data, concurrent edit, lost connection)
// never loses a keystroke. Validation runs the server's zod schema: on blur for the fields already
// edited, on submit for all, with an error summary that receives focus. Logic: action-form-logic.ts.
import { Fragment, useRef, type ReactNode } from 'react';
import { FormFeedback, SubmitBar } from '@/components/forms/form-feedback';
import { RepeatableRows } from '@/components/forms/repeatable-rows';
import { useForm } from '@/components/forms/use-form';
import { ButtonLink } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { CheckboxGroup, RequiredFieldsNote, Select, TextArea, TextInput } from '@/components/ui/form';
import type { ActionDto } from '@/lib/actions/dto';
import type { FormSaveResult } from '@/lib/forms/save-result';
import { formatEuros } from '@/lib/labels';
import { ACTION_FORM_FIELDS, ACTION_FORM_SECTIONS, type FormFieldMeta, type SubFieldMeta } from './action-form-fields';
import {
  actionConflict,
  actionErrorMap,
  addButtonId,
  comparableForm,
  fieldId,
  newRow,
  rowFieldId,
  rowText,
  touchKeyFor,
  validateAction,
  valuesFromDto,
  type ActionValues,
  type FormRow,
} from './action-form-logic';
import { parseEurosToCents } from './money';

export interface ActionFormProps {
  mode: 'create' | 'update';
  /** Territory slug. */
  slug: string;
  /** The action as loaded (required when updating; its `version` is the base version). */
  initial?: ActionDto;
  operators: { slug: string; name: string }[];
  /** The page's server action, bound to the territory (create) or the action (update). */
  save: (data: unknown) => Promise<FormSaveResult>;
  cancelHref: string;
}

const FIELDS = ACTION_FORM_FIELDS;
const INLINE = new Set(['select', 'date']);

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  // Not labelled by its heading on purpose: a labelled <section> would also answer to
  // label lookups such as "Objectifs" and compete with the field of that name.
  return (
    <Card id={id} className="scroll-mt-6">
      <h2 className="mb-6 text-xl font-bold text-neutral-900">{title}</h2>
      <div className="space-y-6">{children}</div>
    </Card>
  );
}

/** Consecutive short fields (selects, dates) share a row of the grid. */
function groupInline(fields: readonly FormFieldMeta[]): FormFieldMeta[][] {
  const groups: FormFieldMeta[][] = [];
  for (const f of fields) {
    const last = groups.at(-1);
    if (last && INLINE.has(f.kind) && INLINE.has(last[0]!.kind) && last.length < 3) last.push(f);
    else groups.push([f]);
  }
  return groups;
}

export function ActionForm({ mode, slug: _slug, initial, operators, save, cancelHref }: ActionFormProps) {
  const keySeq = useRef(0);
  const newKey = () => `row-${++keySeq.current}`;
  const operatorOptions = [
    ...operators.map((o) => ({ value: o.slug, label: o.name })),
    // Keep an operator already linked even if it is no longer listed.
    ...(initial?.operators ?? []).filter((o) => !operators.some((x) => x.slug === o.slug)).map((o) => ({ value: o.slug, label: o.name })),
  ];
  const operatorName = (s: string) => operatorOptions.find((o) => o.value === s)?.label ?? s;
  const hasOperators = operatorOptions.length > 0;

  const form = useForm<ActionValues, ActionDto, Record<string, unknown>>({
    id: 'action',
    initialValues: () => valuesFromDto(initial, FIELDS, (s, i) => `${s}-initial-${i}`),
    baseVersion: initial?.version ?? 0,
    validate: (values, version) => validateAction(values, FIELDS, mode, version),
    save: (data) => save(data),
    errorMap: actionErrorMap(FIELDS, hasOperators),
    touchKey: touchKeyFor(FIELDS),
    conflict: actionConflict(FIELDS, operatorName),
    compare: comparableForm(FIELDS),
  });
  const { values } = form;
  const text = (key: string) => (typeof values[key] === 'string' ? (values[key] as string) : '');
  const list = (key: string) => (Array.isArray(values[key]) ? (values[key] as string[]) : []);

  const toggle = (key: string, value: string, checked: boolean) =>
    form.update((v) => {
      const current = Array.isArray(v[key]) ? (v[key] as string[]) : [];
      return { ...v, [key]: checked ? (current.includes(value) ? current : [...current, value]) : current.filter((x) => x !== value) };
    }, key);

  const setRow = (section: string, index: number, sub: string, value: string) =>
    form.update(
      (v) => ({ ...v, [section]: (v[section] as FormRow[]).map((row, i) => (i === index ? { ...row, [sub]: value } : row)) }),
      `${section}.${index}.${sub}`,
    );

  const subControl = (section: string, row: FormRow, i: number, sub: SubFieldMeta, suffix: ReactNode) => {
    const id = rowFieldId(section, i, sub.key);
    const errorKey = `${section}.${i}.${sub.key}`;
    const common = {
      id,
      name: errorKey,
      label: (
        <>
          {sub.label}
          {suffix}
        </>
      ),
      required: sub.required || undefined,
      hint: sub.help,
      onBlur: () => form.touch(errorKey),
      error: form.errorsFor(errorKey),
    };
    const value = row[sub.key] ?? '';
    if (sub.kind === 'select' || sub.kind === 'operators') {
      return (
        <Select
          key={sub.key}
          {...common}
          required={sub.kind === 'select' ? undefined : common.required}
          placeholder={sub.kind === 'operators' ? '— Aucun —' : undefined}
          options={sub.kind === 'operators' ? operatorOptions : (sub.options ?? [])}
          value={value}
          onChange={(e) => setRow(section, i, sub.key, e.target.value)}
        />
      );
    }
    return (
      <TextInput
        key={sub.key}
        {...common}
        type={sub.kind === 'date' ? 'date' : 'text'}
        {...(sub.kind === 'date' ? { min: '1990-01-01', max: '2100-12-31' } : {})}
        {...(sub.kind === 'money' || sub.kind === 'decimal' ? { inputMode: 'decimal' as const, autoComplete: 'off' } : {})}
        maxLength={sub.maxLength}
        value={value}
        onChange={(e) => setRow(section, i, sub.key, e.target.value)}
      />
    );
  };

  const control = (f: FormFieldMeta): ReactNode => {
    const id = fieldId(f.key);
    const hint = form.hint(f.key, f.help);
    switch (f.kind) {
      case 'checkboxes':
      case 'operators': {
        const options = f.kind === 'operators' ? operatorOptions : (f.options ?? []);
        const errors = form.groupErrors(f.key, f.kind === 'checkboxes' ? 'Axe' : 'Ligne');
        if (!options.length) return <p className="text-neutral-700">Aucun opérateur n’est référencé.</p>;
        return (
          <CheckboxGroup
            key={`${f.key}-${form.revision}`}
            id={id}
            name={f.key}
            label={f.label}
            required={f.required || undefined}
            hint={hint}
            options={options}
            defaultValues={list(f.key)}
            onChange={(e) => toggle(f.key, e.currentTarget.value, e.currentTarget.checked)}
            onBlur={(e) => form.touchGroup(f.key, e)}
            aria-invalid={errors ? true : undefined}
            error={errors}
          />
        );
      }
      case 'repeatable':
        return repeatable(f);
      case 'select':
        return (
          <Select
            id={id}
            name={f.key}
            label={f.label}
            options={f.options ?? []}
            value={text(f.key)}
            onChange={(e) => form.setField(f.key, e.target.value)}
            onBlur={() => form.touch(f.key)}
            error={form.errorsFor(f.key)}
            hint={hint}
          />
        );
      case 'textarea':
      case 'lines':
        return (
          <TextArea
            id={id}
            name={f.key}
            label={f.label}
            required={f.required || undefined}
            rows={f.rows ?? 4}
            maxLength={f.kind === 'textarea' ? f.maxLength : undefined}
            value={text(f.key)}
            onChange={(e) => form.setField(f.key, e.target.value)}
            onBlur={() => form.touch(f.key)}
            error={f.kind === 'lines' ? form.groupErrors(f.key) : form.errorsFor(f.key)}
            hint={hint}
          />
        );
      default:
        return (
          <TextInput
            id={id}
            name={f.key}
            label={f.label}
            required={f.required || undefined}
            type={f.kind === 'date' ? 'date' : 'text'}
            {...(f.kind === 'date' ? { min: '1990-01-01', max: '2100-12-31' } : {})}
            {...(f.kind === 'money' || f.kind === 'decimal' ? { inputMode: 'decimal' as const } : {})}
            autoComplete="off"
            maxLength={f.maxLength}
            className={f.kind === 'money' ? 'max-w-sm' : undefined}
            value={text(f.key)}
            onChange={(e) => form.setField(f.key, e.target.value)}
            onBlur={() => form.touch(f.key)}
            error={form.errorsFor(f.key)}
            hint={hint}
          />
        );
    }
  };

  const repeatable = (f: FormFieldMeta) => {
    const t = rowText(f);
    const subs = f.subFields ?? [];
    const sectionErrors = form.errorsFor(f.key);
    const note = form.hint(f.key);
    const rows = (
      <RepeatableRows
        form={form}
        section={f.key}
        noun={t.noun}
        removeObject={t.removeObject}
        addLabel={t.add}
        emptyText={t.empty}
        limit={f.maxItems ?? 30}
        reorderable
        newRow={() => newRow(f, newKey())}
        rowKey={(row) => (row as FormRow).key}
        firstFieldId={(i) => rowFieldId(f.key, i, subs[0]?.key ?? '')}
        addButtonId={addButtonId(f.key)}
        header={
          <>
            {note && <p className="text-sm">{note}</p>}
            {sectionErrors && (
              <div className="font-semibold text-danger-700">
                {sectionErrors.map((m, i) => (
                  <p key={i}>{m}</p>
                ))}
              </div>
            )}
          </>
        }
      >
        {(row, i, suffix) => (
          <div className="grid gap-4 sm:grid-cols-2">{subs.map((sub) => subControl(f.key, row as FormRow, i, sub, suffix))}</div>
        )}
      </RepeatableRows>
    );
    if (!t.heading) return rows;
    return (
      <div className="space-y-4">
        <h3 className="text-lg font-semibold text-neutral-900">{t.heading}</h3>
        {rows}
        {f.key === 'financing' && <FinancedTotal values={values} />}
      </div>
    );
  };

  const submitLabel = mode === 'create' ? "Créer l'action" : 'Enregistrer les modifications';

  return (
    <div className="lg:grid lg:grid-cols-[minmax(12rem,16rem)_minmax(0,1fr)] lg:gap-8">
      <nav aria-labelledby="action-form-sommaire" className="mb-6 lg:sticky lg:top-6 lg:mb-0 lg:self-start">
        <h2 id="action-form-sommaire" className="text-lg font-semibold text-neutral-900">
          Sommaire
        </h2>
        <ol className="mt-2 space-y-1">
          {ACTION_FORM_SECTIONS.map((s) => (
            <li key={s.id}>
              <a className="link" href={`#${s.id}`}>
                {s.title}
              </a>
            </li>
          ))}
        </ol>
      </nav>

      <form {...form.formProps} className="min-w-0 space-y-6">
        <FormFeedback form={form} submitLabel={submitLabel} />
        <RequiredFieldsNote />
        {ACTION_FORM_SECTIONS.map((s) => (
          <Section key={s.id} id={s.id} title={s.title}>
            {groupInline(FIELDS.filter((f) => f.section === s.key)).map((group) =>
              group.length === 1 ? (
                <Fragment key={group[0]!.key}>{control(group[0]!)}</Fragment>
              ) : (
                <div key={group[0]!.key} className={`grid gap-6 ${group.length === 3 ? 'sm:grid-cols-3' : 'sm:grid-cols-2'}`}>
                  {group.map((f) => (
                    <Fragment key={f.key}>{control(f)}</Fragment>
                  ))}
                </div>
              ),
            )}
          </Section>
        ))}
        <SubmitBar form={form} label={submitLabel}>
          <ButtonLink href={cancelHref} variant="secondary">
            Annuler
          </ButtonLink>
        </SubmitBar>
      </form>
    </div>
  );
}

function FinancedTotal({ values }: { values: ActionValues }) {
  const rows = (values.financing as FormRow[] | undefined) ?? [];
  const financed = rows.reduce((sum, row) => {
    const cents = parseEurosToCents(row.amountCents ?? '');
    return row.status !== 'REFUSED' && typeof cents === 'number' ? sum + cents : sum;
  }, 0);
  const budget = parseEurosToCents(typeof values.budgetCents === 'string' ? values.budgetCents : '');
  return (
    <p className="text-sm text-neutral-700">
      Financements envisagés, demandés ou accordés : <strong>{formatEuros(financed)}</strong>
      {typeof budget === 'number' && (
        <>
          {' '}
          sur un budget prévisionnel de <strong>{formatEuros(budget)}</strong>
        </>
      )}
      .
    </p>
  );
}
