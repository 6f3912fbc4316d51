'use client';

// "Mise à jour rapide": status, indicators' actual values and milestones' completion, without
// opening the whole action form. Built on the form toolkit (components/forms): what is typed
// survives a failed save; a concurrent edit opens the conflict panel (keep mine / take theirs).
import { FormFeedback, SubmitBar } from '@/components/forms/form-feedback';
import { useForm } from '@/components/forms/use-form';
import { Select, TextInput, fieldAria } from '@/components/ui/form';
import type { ActionDto } from '@/lib/actions/dto';
import { STATUSES } from '@/lib/actions/schemas';
import type { FormSaveResult } from '@/lib/forms/save-result';
import type { ActionStatus } from '@/lib/generated/prisma/enums';
import { ACTION_STATUS_LABELS, formatDate } from '@/lib/labels';
import {
  STATUS_ID,
  buildProgressPayload,
  formatActual,
  indicatorId,
  milestoneId,
  progressComparable,
  progressConflict,
  progressErrorMap,
  progressValuesFrom,
  today,
  type ProgressValues,
} from './progress-form-logic';

export interface ProgressFormProps {
  action: ActionDto;
  saveProgress: (input: { id: string; data: unknown }) => Promise<FormSaveResult>;
}

const SUBMIT_LABEL = "Enregistrer l'avancement";

export function ProgressForm({ action, saveProgress }: ProgressFormProps) {
  const form = useForm<ProgressValues, ActionDto, Record<string, unknown>>({
    id: 'progress',
    initialValues: () => progressValuesFrom(action),
    baseVersion: action.version,
    validate: buildProgressPayload,
    save: (data) => saveProgress({ id: action.id, data }),
    errorMap: progressErrorMap(action),
    conflict: progressConflict,
    compare: progressComparable,
  });
  const { source, status, actuals, done } = form.values;
  const shown = form.shown;

  return (
    <form {...form.formProps} className="space-y-4">
      <FormFeedback form={form} submitLabel={SUBMIT_LABEL} />

      <Select
        id={STATUS_ID}
        name="status"
        label="Statut"
        options={STATUSES.map((s) => ({ value: s, label: ACTION_STATUS_LABELS[s] }))}
        value={status}
        onChange={(e) => form.setField('status', e.target.value as ActionStatus)}
        onBlur={() => form.touch('status')}
        error={shown.status}
        hint={form.hint('status')}
      />

      {source.indicators.length > 0 && (
        <fieldset className="space-y-4">
          <legend className="font-semibold text-neutral-900">Indicateurs</legend>
          {form.hint('indicators') && <p className="text-sm">{form.hint('indicators')}</p>}
          {source.indicators.map((ind, i) => {
            const key = `indicators.${i}.actual`;
            return (
              <TextInput
                key={ind.id}
                id={indicatorId(i)}
                name={key}
                label={`Valeur réalisée — ${ind.name} (${ind.unit}), cible ${ind.target === null ? 'non définie' : formatActual(ind.target)}`}
                inputMode="decimal"
                autoComplete="off"
                value={actuals[ind.id] ?? ''}
                onChange={(e) => {
                  const next = e.target.value;
                  form.update((v) => ({ ...v, actuals: { ...v.actuals, [ind.id]: next } }), key);
                }}
                onBlur={() => form.touch(key)}
                error={shown[key]}
              />
            );
          })}
        </fieldset>
      )}

      {source.milestones.length > 0 && (
        <fieldset>
          <legend className="font-semibold text-neutral-900">Jalons</legend>
          {form.hint('milestones') && <p className="text-sm">{form.hint('milestones')}</p>}
          <div className="mt-2 space-y-3">
            {source.milestones.map((m, i) => {
              const key = `milestones.${i}.doneAt`;
              const id = milestoneId(i);
              const doneAt = done[m.id] ?? null;
              const errors = shown[key];
              const hint = doneAt ? `Réalisé le ${formatDate(doneAt)}.` : undefined;
              return (
                <div key={m.id} className={errors ? 'border-l-4 border-danger-700 pl-4' : undefined}>
                  <div className="flex items-start gap-2">
                    <input
                      id={id}
                      type="checkbox"
                      name={key}
                      checked={doneAt !== null}
                      onChange={(e) => {
                        // Keep the recorded date when a milestone already done is unticked then ticked again.
                        const next = e.target.checked ? (m.doneAt ?? today()) : null;
                        form.update((v) => ({ ...v, done: { ...v.done, [m.id]: next } }), key);
                      }}
                      onBlur={() => form.touch(key)}
                      className="mt-0.5 size-5 shrink-0 accent-primary-700"
                      {...fieldAria(id, hint, errors)}
                    />
                    <div>
                      <label htmlFor={id} className="text-neutral-900">
                        Réalisé — {m.title} (échéance {formatDate(m.dueDate)})
                      </label>
                      {hint && (
                        <p id={`${id}-aide`} className="text-sm text-neutral-700">
                          {hint}
                        </p>
                      )}
                      {errors && (
                        <div id={`${id}-erreur`} className="font-semibold text-danger-700">
                          {errors.map((message, j) => (
                            <p key={j}>{message}</p>
                          ))}
                        </div>
                      )}
                    </div>
                  </div>
                </div>
              );
            })}
          </div>
        </fieldset>
      )}

      {shown.indicators && <p className="font-semibold text-danger-700">{shown.indicators.join(' ')}</p>}
      {shown.milestones && <p className="font-semibold text-danger-700">{shown.milestones.join(' ')}</p>}

      <SubmitBar form={form} label={SUBMIT_LABEL} />
    </form>
  );
}
