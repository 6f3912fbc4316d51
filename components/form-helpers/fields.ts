// Small additions to the form toolkit (components/forms, owned by feat/forms-action) that the
// commitment, delivery and committee forms share: binding one field of `useForm` to a
// `components/ui/form` control, and an error map built from field ids and labels.
import type { ChangeEvent, ReactNode } from 'react';
import type { ErrorMap } from '@/components/forms/errors';
import type { FormApi } from '@/components/forms/use-form';

type StringField<V> = { [K in keyof V]: V[K] extends string ? K : never }[keyof V] & string;

export interface BindOptions {
  /** The field's own hint; after a resumed conflict the saved value is added to it. */
  hint?: ReactNode;
  /** Error keys a change makes stale (default: the field). */
  clears?: readonly string[];
  /** Show the field's item errors too ("Ligne 2 : …"), for one-item-per-line text areas. */
  itemWord?: string;
}

/** `id`, `name` (the field), `value`, `error`, `hint`, `onChange` and `onBlur` of one text-like control. */
export function bindField<V>(form: FormApi<V>, field: StringField<V>, id: string, options: BindOptions = {}) {
  return {
    id,
    name: field,
    value: form.values[field] as string,
    error: options.itemWord ? form.groupErrors(field, options.itemWord) : form.errorsFor(field),
    hint: form.hint(field, options.hint),
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) => {
      const value = e.target.value;
      form.update((v) => ({ ...v, [field]: value }), options.clears ?? field);
    },
    onBlur: () => form.touch(field),
  };
}

/** The form field an error key belongs to (`attendees.2` → attendees), null when the form has no such field. */
export function fieldOfKey<F extends string>(key: string, fields: Readonly<Record<F, unknown>>): F | null {
  const top = key.split('.')[0] ?? key;
  return Object.hasOwn(fields, top) ? (top as F) : null;
}

/** Summary in form order, each line prefixed "<label> : ", linked to the field's control. */
export function labelledErrorMap(ids: Readonly<Record<string, string>>, labels: Readonly<Record<string, string>>, order: readonly string[]): ErrorMap {
  return {
    order,
    target: (key) => {
      const field = fieldOfKey(key, ids);
      return field ? (ids[field] ?? null) : null;
    },
    text: (key, message) => {
      const label = labels[key.split('.')[0] ?? key];
      return label ? `${label} : ${message}` : message;
    },
  };
}
