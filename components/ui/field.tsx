import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from "react";
import { cn } from "./cn";

export const inputClass =
  "block w-full rounded-md border-0 bg-white px-2.5 py-1.5 text-sm text-zinc-900 shadow-xs ring-1 ring-inset ring-zinc-300 " +
  "placeholder:text-zinc-400 focus:ring-2 focus:ring-inset focus:ring-teal-600 focus:outline-none disabled:bg-zinc-50 disabled:text-zinc-500";

export function Field({
  label,
  htmlFor,
  error,
  hint,
  children,
  className,
}: {
  label: ReactNode;
  htmlFor: string;
  error?: ReactNode;
  hint?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  return (
    <div className={className}>
      <label htmlFor={htmlFor} className="mb-1 block text-xs font-medium text-zinc-700">
        {label}
      </label>
      {children}
      {error ? (
        <p className="mt-1 text-xs text-red-700" id={`${htmlFor}-error`}>
          {error}
        </p>
      ) : hint ? (
        <p className="mt-1 text-xs text-zinc-500">{hint}</p>
      ) : null}
    </div>
  );
}

interface NamedFieldProps {
  /** The control's name, also its id: the label and the error message point at it. */
  name: string;
  label: ReactNode;
  error?: ReactNode;
  hint?: ReactNode;
  className?: string;
}

/** What ties a control to its label and, when there is one, to its error message. */
function controlProps(name: string, error: ReactNode) {
  return {
    id: name,
    name,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": error ? `${name}-error` : undefined,
  };
}

/** An input with its label above and its error (or hint) below. */
export function InputField({
  name,
  label,
  error,
  hint,
  className,
  ...input
}: NamedFieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "name" | "className">) {
  return (
    <Field label={label} htmlFor={name} error={error} hint={hint} className={className}>
      <Input {...controlProps(name, error)} {...input} />
    </Field>
  );
}

/** A select with its label above and its error (or hint) below. */
export function SelectField({
  name,
  label,
  error,
  hint,
  className,
  ...select
}: NamedFieldProps & Omit<SelectHTMLAttributes<HTMLSelectElement>, "id" | "name" | "className">) {
  return (
    <Field label={label} htmlFor={name} error={error} hint={hint} className={className}>
      <Select {...controlProps(name, error)} {...select} />
    </Field>
  );
}

/** A form's own error (not one field's), announced when it appears; nothing when there is none. */
export function FormError({ children }: { children?: ReactNode }) {
  if (!children) return null;
  return (
    <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 ring-1 ring-inset ring-red-200">
      {children}
    </p>
  );
}

export function Input({ className, ...props }: InputHTMLAttributes<HTMLInputElement>) {
  return <input className={cn(inputClass, className)} {...props} />;
}

export function Select({ className, ...props }: SelectHTMLAttributes<HTMLSelectElement>) {
  return <select className={cn(inputClass, "pr-8", className)} {...props} />;
}

export function Checkbox({
  label,
  hint,
  ...props
}: InputHTMLAttributes<HTMLInputElement> & { label: ReactNode; hint?: ReactNode }) {
  return (
    <label className="flex items-start gap-2.5 text-sm">
      <input type="checkbox" className="mt-0.5 size-4 rounded border-zinc-300 accent-teal-700" {...props} />
      <span>
        <span className="font-medium text-zinc-800">{label}</span>
        {hint ? <span className="block text-xs text-zinc-500">{hint}</span> : null}
      </span>
    </label>
  );
}
