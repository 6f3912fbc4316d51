import Link from 'next/link';
import type { ComponentProps } from 'react';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'ghost';
export type ButtonSize = 'sm' | 'md';

// `.btn` (app/globals.css) holds the shape every button shares (inline-flex items-center
// justify-center gap-2 rounded border font-semibold no-underline transition-colors, and
// the disabled states): one class instead of ~230 characters on every button, written
// twice per page (HTML and React payload), ADR 0023.
const BASE = 'btn';

const VARIANTS: Record<ButtonVariant, string> = {
  primary: 'border-primary-700 bg-primary-700 text-white hover:border-primary-800 hover:bg-primary-800',
  secondary: 'border-primary-700 bg-white text-primary-700 hover:bg-primary-50',
  danger: 'border-danger-700 bg-danger-700 text-white hover:border-danger-800 hover:bg-danger-800',
  ghost: 'border-transparent bg-transparent text-primary-700 underline underline-offset-2 hover:bg-primary-50',
};

const SIZES: Record<ButtonSize, string> = {
  sm: 'min-h-8 px-3 py-1 text-sm',
  md: 'min-h-10 px-4 py-2 text-base',
};

export function buttonClasses(variant: ButtonVariant = 'primary', size: ButtonSize = 'md'): string {
  return `${BASE} ${VARIANTS[variant]} ${SIZES[size]}`;
}

interface StyleProps {
  variant?: ButtonVariant;
  size?: ButtonSize;
}

export type ButtonProps = ComponentProps<'button'> & StyleProps;

/** Native <button>; like HTML, `type` defaults to "submit" inside a form — pass type="button" otherwise. */
export function Button({ variant, size, className, ...props }: ButtonProps) {
  return <button className={`${buttonClasses(variant, size)} ${className ?? ''}`} {...props} />;
}

export type ButtonLinkProps = ComponentProps<typeof Link> & StyleProps;

/** Navigation styled as a button (use for links, never for actions). */
export function ButtonLink({ variant, size, className, ...props }: ButtonLinkProps) {
  return <Link className={`${buttonClasses(variant, size)} ${className ?? ''}`} {...props} />;
}
