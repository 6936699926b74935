import { cn } from "../../../lib/cn";

/** A keyboard shortcut hint inside a button: <kbd>F</kbd>. */
export function Kbd({ children, className }: { children: string; className?: string }) {
  return (
    <kbd
      className={cn(
        "ml-1 inline-flex min-w-6 items-center justify-center rounded border border-current/30 bg-current/10 px-1.5 font-mono text-xs font-semibold opacity-80",
        className,
      )}
    >
      {children}
    </kbd>
  );
}
