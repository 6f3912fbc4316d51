import type { ComponentProps, ReactNode } from 'react';

/** Props shared by every labelled control. Error messages are displayed as given (already in French). */
export interface FieldProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string[];
  required?: boolean;
  /** Applied to the field wrapper. */
  className?: string;
}

const hintId = (id: string) => `${id}-aide`;
const errorId = (id: string) => `${id}-erreur`;
const hasError = (error?: string[]): error is string[] => !!error && error.length > 0;

/** ARIA wiring for a control rendered inside `Field` (also usable for custom controls). */
export function fieldAria(id: string, hint?: ReactNode, error?: string[]) {
  const describedBy = [hint ? hintId(id) : null, hasError(error) ? errorId(id) : null].filter(Boolean).join(' ');
  return { 'aria-describedby': describedBy || undefined, 'aria-invalid': hasError(error) || undefined };
}

const LABEL = 'block font-medium text-neutral-900';
const CONTROL =
  'block w-full rounded border border-neutral-500 bg-white px-3 py-2 text-neutral-900 ' +
  'aria-[invalid=true]:border-2 aria-[invalid=true]:border-danger-700 disabled:bg-neutral-100 disabled:text-neutral-700';

function RequiredMark() {
  return (
    <>
      {' '}
      <span aria-hidden="true" className="text-danger-700">
        *
      </span>
      <span className="sr-only"> (obligatoire)</span>
    </>
  );
}

function Messages({ id, hint, error }: Pick<FieldProps, 'id' | 'hint' | 'error'>) {
  return (
    <>
      {hint && (
        <p id={hintId(id)} className="text-sm text-neutral-700">
          {hint}
        </p>
      )}
      {hasError(error) && (
        <div id={errorId(id)} className="font-semibold text-danger-700">
          {error.map((message, index) => (
            <p key={index}>{message}</p>
          ))}
        </div>
      )}
    </>
  );
}

/** Thick left bar on fields in error: a cue that does not rely on colour alone. */
const errorBar = (error: string[] | undefined, className?: string) =>
  `${hasError(error) ? 'border-l-4 border-danger-700 pl-4' : ''} ${className ?? ''}`;

/** Label + hint + errors + control. The control must carry `id` and `fieldAria(...)`. */
export function Field({ id, label, hint, error, required, className, children }: FieldProps & { children: ReactNode }) {
  return (
    <div className={`flex flex-col gap-2 ${errorBar(error, className)}`}>
      <label htmlFor={id} className={LABEL}>
        {label}
        {required && <RequiredMark />}
      </label>
      <Messages id={id} hint={hint} error={error} />
      {children}
    </div>
  );
}

/** Page-level notice for forms using the "*" marker (RGAA 11.10). */
export function RequiredFieldsNote() {
  return <p className="text-sm text-neutral-700">Les champs marqués d’un astérisque (*) sont obligatoires.</p>;
}

type Native<E extends 'input' | 'textarea' | 'select'> = Omit<ComponentProps<E>, 'id' | 'name' | 'className'>;

export type TextInputProps = FieldProps & Native<'input'> & { name: string };

export function TextInput({ id, label, hint, error, required, className, ...props }: TextInputProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error} required={required} className={className}>
      <input id={id} required={required} className={CONTROL} {...fieldAria(id, hint, error)} {...props} />
    </Field>
  );
}

export type TextAreaProps = FieldProps & Native<'textarea'> & { name: string };

export function TextArea({ id, label, hint, error, required, className, rows = 4, ...props }: TextAreaProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error} required={required} className={className}>
      <textarea id={id} required={required} rows={rows} className={CONTROL} {...fieldAria(id, hint, error)} {...props} />
    </Field>
  );
}

export interface Option {
  value: string;
  label: string;
  disabled?: boolean;
}

export type SelectProps = FieldProps &
  Native<'select'> & {
    name: string;
    options: Option[];
    /** Adds a first empty option (e.g. "— Choisir —"). */
    placeholder?: string;
  };

export function Select({ id, label, hint, error, required, className, options, placeholder, ...props }: SelectProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error} required={required} className={className}>
      <select id={id} required={required} className={CONTROL} {...fieldAria(id, hint, error)} {...props}>
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value} disabled={option.disabled}>
            {option.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

export interface ChoiceOption extends Option {
  hint?: ReactNode;
}

type ChoiceGroupProps = FieldProps &
  Omit<Native<'input'>, 'type' | 'value' | 'defaultValue' | 'defaultChecked' | 'checked' | 'required'> & {
    name: string;
    options: ChoiceOption[];
  };

function ChoiceGroup({
  type,
  id,
  label,
  hint,
  error,
  required,
  className,
  name,
  options,
  checkedValues,
  ...props
}: ChoiceGroupProps & { type: 'checkbox' | 'radio'; checkedValues: readonly string[] }) {
  return (
    <div className={errorBar(error, className)}>
      <fieldset id={id} aria-describedby={fieldAria(id, hint, error)['aria-describedby']}>
        <legend className={LABEL}>
          {label}
          {required && <RequiredMark />}
        </legend>
        <div className="mt-2 flex flex-col gap-2">
          <Messages id={id} hint={hint} error={error} />
          {options.map((option, index) => {
            const optionId = `${id}-${index}`;
            return (
              <div key={option.value} className="flex items-start gap-2">
                <input
                  id={optionId}
                  type={type}
                  name={name}
                  value={option.value}
                  defaultChecked={checkedValues.includes(option.value)}
                  disabled={option.disabled}
                  required={type === 'radio' && required}
                  aria-describedby={option.hint ? hintId(optionId) : undefined}
                  className="mt-0.5 size-5 shrink-0 accent-primary-700"
                  {...props}
                />
                <div>
                  <label htmlFor={optionId} className="text-neutral-900">
                    {option.label}
                  </label>
                  {option.hint && (
                    <p id={hintId(optionId)} className="text-sm text-neutral-700">
                      {option.hint}
                    </p>
                  )}
                </div>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

export type CheckboxGroupProps = ChoiceGroupProps & { defaultValues?: readonly string[] };

/** Checkboxes in a fieldset/legend; values are submitted under the same `name`. */
export function CheckboxGroup({ defaultValues = [], ...props }: CheckboxGroupProps) {
  return <ChoiceGroup type="checkbox" checkedValues={defaultValues} {...props} />;
}

export type RadioGroupProps = ChoiceGroupProps & { defaultValue?: string };

/** Radio buttons in a fieldset/legend. */
export function RadioGroup({ defaultValue, ...props }: RadioGroupProps) {
  return <ChoiceGroup type="radio" checkedValues={defaultValue === undefined ? [] : [defaultValue]} {...props} />;
}
