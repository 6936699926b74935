import type { SelectHTMLAttributes } from "react";
import { cn } from "../../lib/cn";
import { controlClass } from "./input";

type SelectProps = SelectHTMLAttributes<HTMLSelectElement> & { invalid?: boolean };

export function Select({ invalid, className, children, ...rest }: SelectProps) {
  return (
    <select
      aria-invalid={invalid || undefined}
      className={cn(controlClass(invalid), "h-10 pr-8", className)}
      {...rest}
    >
      {children}
    </select>
  );
}
