"use client";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import type { SortingState, Updater } from "@tanstack/react-table";
import { useMemo } from "react";
import { cn } from "@/components/ui/cn";
import { DataTableBody } from "@/components/ui/data-table-body";
import { usePageTable } from "@/components/ui/page-table";
import { Table, Th, THead } from "@/components/ui/table";
import type { OrderRow } from "@/lib/data/orders";
import { orderTable } from "./order-columns";

const numeric = new Set(["totalCents"]);
const columnClass = (id: string) => cn(numeric.has(id) && "text-right");

export function OrdersTable({ rows, sort }: { rows: OrderRow[]; sort: "asc" | "desc" }) {
  const t = useTranslations("orders");
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const sorting = useMemo<SortingState>(() => [{ id: "orderedAt", desc: sort === "desc" }], [sort]);

  // A new sort order starts again from the first page: the cursor belongs to the old order.
  function onSortingChange(updater: Updater<SortingState>) {
    const next = typeof updater === "function" ? updater(sorting) : updater;
    const params = new URLSearchParams(searchParams.toString());
    params.delete("cursor");
    params.delete("dir");
    params.set("sort", next[0]?.desc === false ? "asc" : "desc");
    router.push(`${pathname}?${params.toString()}`);
  }

  const table = usePageTable({
    ...orderTable,
    data: rows,
    state: { sorting },
    onSortingChange,
    manualSorting: true,
    enableSortingRemoval: false,
  });

  return (
    <Table>
      <THead>
        {table.getHeaderGroups().map((group) => (
          <tr key={group.id}>
            {group.headers.map((header) => {
              const sorted = header.column.getIsSorted();
              return (
                <Th
                  key={header.id}
                  className={columnClass(header.column.id)}
                  aria-sort={sorted ? (sorted === "desc" ? "descending" : "ascending") : undefined}
                >
                  {header.column.getCanSort() ? (
                    <button
                      type="button"
                      onClick={header.column.getToggleSortingHandler()}
                      className="inline-flex items-center gap-1 uppercase hover:text-zinc-800"
                      title={t("toggleSort")}
                    >
                      <table.FlexRender header={header} />
                      <span aria-hidden>{sorted === "asc" ? "↑" : "↓"}</span>
                    </button>
                  ) : (
                    <table.FlexRender header={header} />
                  )}
                </Th>
              );
            })}
          </tr>
        ))}
      </THead>
      <DataTableBody table={table} cellClass={columnClass} />
    </Table>
  );
}
