import { cn } from "../../../lib/cn";

type Tab<K extends string> = { key: K; label: string; count?: number };

/** A row of tabs; the panel below is rendered by the caller for the selected key. */
export function Tabs<K extends string>({
  tabs,
  selected,
  onSelect,
  label,
}: {
  tabs: Tab<K>[];
  selected: K;
  onSelect: (key: K) => void;
  label: string;
}) {
  return (
    <div
      role="tablist"
      aria-label={label}
      className="mb-6 flex gap-1 overflow-x-auto border-b border-zinc-200"
    >
      {tabs.map((tab) => (
        <button
          key={tab.key}
          type="button"
          role="tab"
          id={`tab-${tab.key}`}
          aria-selected={tab.key === selected}
          aria-controls={`panel-${tab.key}`}
          onClick={() => onSelect(tab.key)}
          className={cn(
            "-mb-px flex h-11 items-center gap-2 border-b-2 px-4 text-sm font-medium whitespace-nowrap",
            "focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-indigo-600",
            tab.key === selected
              ? "border-indigo-600 text-indigo-700"
              : "border-transparent text-zinc-600 hover:border-zinc-300 hover:text-zinc-900",
          )}
        >
          {tab.label}
          {tab.count !== undefined && (
            <span className="rounded-full bg-zinc-100 px-1.5 text-xs text-zinc-600 tabular-nums">
              {tab.count}
            </span>
          )}
        </button>
      ))}
    </div>
  );
}
