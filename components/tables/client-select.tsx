'use client';
// The labelled select of components/ui/form, as a client component: a page's payload
// then carries its options as values ({ value, label }) instead of every rendered
// <option> and the field's classes (ADR 0023). Same markup, server-rendered.
import { Select, type SelectProps } from '@/components/ui/form';

export function ClientSelect(props: SelectProps) {
  return <Select {...props} />;
}
