// What the action form renders comes from the field registry (lib/actions/fields.ts, ADR 0018):
// its sections, and its fields in form order with label, input kind, options, help and limits.
export {
  ACTION_FORM_FIELDS,
  ACTION_FORM_SECTIONS,
  FINANCING_LINE_FIELDS,
  INDICATOR_FIELDS,
  MILESTONE_FIELDS,
  type FormFieldMeta,
  type InputKind,
  type Option,
  type SubFieldMeta,
} from '@/lib/actions/fields';
