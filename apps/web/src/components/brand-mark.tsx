/** The E-Queue mark. */
export function BrandMark({ size = "md" }: { size?: "sm" | "md" }) {
  return (
    <span className="inline-flex items-center gap-2">
      <span
        aria-hidden="true"
        className={
          size === "sm"
            ? "flex size-7 items-center justify-center rounded-md bg-indigo-600 text-sm font-bold text-white"
            : "flex size-10 items-center justify-center rounded-lg bg-indigo-600 text-lg font-bold text-white"
        }
      >
        E
      </span>
      <span
        className={
          size === "sm"
            ? "text-sm font-semibold text-zinc-900"
            : "text-lg font-semibold text-zinc-900"
        }
      >
        E-Queue
      </span>
    </span>
  );
}
