import { type ReactTable, type TableFeatures, type TableOptions, useTable } from "@tanstack/react-table";

/**
 * A dashboard table over one page of rows that the server has already filtered, sorted and cut into pages: the
 * table's features and columns (declared beside the columns), the page's rows as `data`, and the table's own
 * state and handlers. A row is known by its id, so what the browser keeps (a selection) follows the row across
 * refreshes.
 */
export function usePageTable<TFeatures extends TableFeatures, TData extends { id: string }>(
  options: TableOptions<TFeatures, TData>,
): ReactTable<TFeatures, TData> {
  return useTable({ getRowId: (row) => row.id, ...options });
}
