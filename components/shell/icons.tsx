// Outline icons (24×24, stroke) for the navigation.
const paths = {
  overview: "M3 12 12 3l9 9M5 10v10h5v-6h4v6h5V10",
  stores: "M3 9l1.5-5h15L21 9M3 9v11h18V9M3 9h18M9 20v-6h6v6",
  orders: "M6 3h12l1 4H5l1-4Zm-1 4h14v13H5V7Zm4 4h6",
  monthClose: "M4 6h16v14H4V6Zm0 4h16M8 3v4m8-4v4m-7 8 2 2 4-4",
  jobs: "M4 5h16M4 12h16M4 19h10M18 17l2 2 3-4",
  audit: "M9 4h6l1 2h3v15H5V6h3l1-2Zm-1 8 2.5 2.5L16 9",
  settings:
    "M12 8.5a3.5 3.5 0 1 0 0 7 3.5 3.5 0 0 0 0-7ZM4 12h2m12 0h2M12 4v2m0 12v2M6.3 6.3l1.4 1.4m8.6 8.6 1.4 1.4m0-11.4-1.4 1.4m-8.6 8.6-1.4 1.4",
  signOut: "M15 4h4v16h-4M10 8l-4 4 4 4M6 12h10",
} as const;

export type IconName = keyof typeof paths;

export function Icon({ name, className = "size-4" }: { name: IconName; className?: string }) {
  return (
    <svg
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
      strokeLinecap="round"
      strokeLinejoin="round"
      className={className}
      aria-hidden
    >
      <path d={paths[name]} />
    </svg>
  );
}
