/** Small outline icons for the admin sidebar (24×24 grid, stroke = currentColor). */
const paths = {
  overview: "M4 5h7v6H4zM13 5h7v3h-7zM13 10h7v9h-7zM4 13h7v6H4z",
  branches: "M4 20V9l8-5 8 5v11M9 20v-6h6v6M2 20h20",
  services: "M5 6h14M5 12h14M5 18h9",
  staff: "M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4 20c0-3.3 3.6-6 8-6s8 2.7 8 6",
  devices: "M3 5h12v10H3zM7 19h4M9 15v4M17 8h4v11h-4z",
  dashboard: "M4 19a8 8 0 1 1 16 0M12 19l4-6M4 19h16",
  reports: "M4 20V4M4 20h16M8 16v-5M12 16V8M16 16v-3",
  ratings: "M12 3l2.7 5.6 6.1.9-4.4 4.3 1 6.1L12 17l-5.4 2.9 1-6.1-4.4-4.3 6.1-.9z",
  notifications: "M6 16V11a6 6 0 1 1 12 0v5l2 2H4zM10 20a2 2 0 0 0 4 0",
  apiKeys: "M14 4a6 6 0 1 1-5.6 8.2L3 17.6V21h3.4v-2h2v-2h2l1.8-1.8A6 6 0 0 1 14 4zM16 8h.01",
  webhooks: "M9 7a3 3 0 1 1 4.5 2.6L16 14M6 17a3 3 0 1 1 3-3h7M18 20a3 3 0 1 1 0-6",
  settings:
    "M12 3a9 9 0 1 0 0 18c1 0 1.5-.8 1.5-1.6 0-1-.8-1.4-.8-2.3 0-.9.7-1.6 1.6-1.6H17a4 4 0 0 0 4-4c0-4.7-4-8.5-9-8.5zM7.5 11.5h.01M10 7.5h.01M14.5 7.5h.01",
} as const;

export type NavIconName = keyof typeof paths;

export function NavIcon({ name }: { name: NavIconName }) {
  return (
    <svg
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      className="size-5 shrink-0"
    >
      <path d={paths[name]} />
    </svg>
  );
}
