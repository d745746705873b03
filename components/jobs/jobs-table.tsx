"use client";
import type { RowSelectionState } from "@tanstack/react-table";
import { useMemo, useState } from "react";
import { cn } from "@/components/ui/cn";
import { DataTableBody } from "@/components/ui/data-table-body";
import { usePageTable } from "@/components/ui/page-table";
import { Table, Th, THead } from "@/components/ui/table";
import type { JobRow } from "@/lib/data/jobs";
import { BulkRetryBar, type JobFilters } from "./bulk-retry-bar";
import { jobTable } from "./job-columns";

const numeric = new Set(["attempts"]);
const narrow = new Set(["select", "actions"]);
const columnClass = (id: string) => cn(numeric.has(id) && "text-right", narrow.has(id) && "w-px");

export function JobsTable({ jobs, filters }: { jobs: JobRow[]; filters: JobFilters }) {
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});
  // A refreshed page may no longer list a selected job as retriable (it was retried meanwhile).
  const selectedIds = useMemo(
    () => jobs.filter((job) => job.retriable && rowSelection[job.id]).map((job) => job.id),
    [jobs, rowSelection],
  );

  const table = usePageTable({
    ...jobTable,
    data: jobs,
    state: { rowSelection },
    onRowSelectionChange: setRowSelection,
    enableRowSelection: (row) => row.original.retriable,
  });

  return (
    <>
      <BulkRetryBar selectedIds={selectedIds} filters={filters} onDone={() => setRowSelection({})} />
      <Table>
        <THead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => (
                <Th key={header.id} className={columnClass(header.column.id)}>
                  <table.FlexRender header={header} />
                </Th>
              ))}
            </tr>
          ))}
        </THead>
        <DataTableBody
          table={table}
          cellClass={columnClass}
          rowClass={(row) => cn(row.getIsSelected() && "bg-teal-50/50")}
        />
      </Table>
    </>
  );
}
