import { cn } from "../../lib/cn";

/** A company logo, or its initials on a tinted square when there is none. */
export function Logo({
  url,
  name,
  size = "md",
}: {
  url: string | null | undefined;
  name: string;
  size?: "sm" | "md" | "lg";
}) {
  const box =
    size === "sm" ? "size-8 text-xs" : size === "md" ? "size-10 text-sm" : "size-16 text-xl";
  if (url) {
    return (
      <img
        src={url}
        alt=""
        className={cn(box, "shrink-0 rounded-md border border-zinc-200 bg-white object-contain")}
      />
    );
  }
  const initials = name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => word[0]?.toUpperCase() ?? "")
    .join("");
  return (
    <span
      aria-hidden="true"
      className={cn(
        box,
        "flex shrink-0 items-center justify-center rounded-md bg-indigo-100 font-semibold text-indigo-700",
      )}
    >
      {initials || "?"}
    </span>
  );
}
