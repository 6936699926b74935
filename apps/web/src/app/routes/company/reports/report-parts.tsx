import { lazy, type ReactNode } from "react";
import { Card, CardHeader } from "../../../../components/ui/card";
import { Spinner } from "../../../../components/ui/spinner";
import { Table, TBody, Td, Th, THead, Tr } from "../../../../components/ui/table";
import { cn } from "../../../../lib/cn";
import { formatSeconds } from "../../../../lib/use-now";

// ECharts loads only with the reports page, after the page's figures and tables.
const charts = () => import("../../../../features/reports/report-charts");
export const BarsChart = lazy(async () => ({ default: (await charts()).BarsChart }));
export const HeatChart = lazy(async () => ({ default: (await charts()).HeatChart }));

export const pct = (v: number | null) => (v === null ? "—" : `${Math.round(v * 100)}%`);
/** A duration as h:mm. */
export const hours = (v: number) => {
  const m = Math.round(v / 60);
  return `${Math.floor(m / 60)}:${String(m % 60).padStart(2, "0")}`;
};
/** A duration as m:ss. */
/** Seconds as "4:05", rounded to the second (1,079.5 s is "18:00", never "17:60"). */
export const secs = (v: number | null) => (v === null ? "—" : formatSeconds(v));

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card>
      <CardHeader title={title} />
      <div className="space-y-4 p-4">{children}</div>
    </Card>
  );
}

export const ChartFallback = () => (
  <div className="flex h-64 items-center justify-center">
    <Spinner />
  </div>
);

/** A plain table: the first column a label, the others right-aligned figures. */
export function SimpleTable({
  head,
  rows,
  testId,
}: {
  head: string[];
  rows: (string | number)[][];
  testId?: string | undefined;
}) {
  return (
    <Table data-testid={testId}>
      <THead>
        <Tr>
          {head.map((h, i) => (
            <Th
              key={`${h}-${i}`}
              className={cn("px-3 whitespace-normal! normal-case!", i > 0 && "text-right")}
            >
              {h}
            </Th>
          ))}
        </Tr>
      </THead>
      <TBody>
        {rows.map((r, i) => (
          <Tr key={i}>
            {r.map((c, j) => (
              <Td key={j} className={cn("px-3", j > 0 && "text-right tabular-nums")}>
                {c}
              </Td>
            ))}
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
