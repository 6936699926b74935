import type { InputHTMLAttributes, Ref, TextareaHTMLAttributes } from "react";
import { cn } from "../../lib/cn";

export const controlClass = (invalid?: boolean): string =>
  cn(
    "block w-full rounded-md border bg-white px-3 text-sm text-zinc-900 shadow-xs",
    "placeholder:text-zinc-400 disabled:bg-zinc-100 disabled:text-zinc-500",
    "focus:outline-2 focus:-outline-offset-1",
    invalid
      ? "border-red-500 focus:outline-red-600"
      : "border-zinc-300 focus:border-indigo-600 focus:outline-indigo-600",
  );

type InputProps = InputHTMLAttributes<HTMLInputElement> & {
  invalid?: boolean;
  ref?: Ref<HTMLInputElement>;
};

export function Input({ invalid, className, ...rest }: InputProps) {
  return (
    <input
      aria-invalid={invalid || undefined}
      className={cn(controlClass(invalid), "h-10", className)}
      {...rest}
    />
  );
}

type TextareaProps = TextareaHTMLAttributes<HTMLTextAreaElement> & { invalid?: boolean };

export function Textarea({ invalid, className, ...rest }: TextareaProps) {
  return (
    <textarea
      aria-invalid={invalid || undefined}
      className={cn(controlClass(invalid), "min-h-20 py-2", className)}
      {...rest}
    />
  );
}
