import type { ReactTable, Row, RowData, TableFeatures } from "@tanstack/react-table";
import { TBody, Td, Tr } from "./table";

/**
 * A TanStack table's rows, a cell each column: `cellClass` styles a column's cells (alignment, width),
 * `rowClass` a row (a selected one).
 */
export function DataTableBody<TFeatures extends TableFeatures, TData extends RowData>({
  table,
  cellClass,
  rowClass,
}: {
  table: ReactTable<TFeatures, TData>;
  cellClass?: (columnId: string) => string | undefined;
  rowClass?: (row: Row<TFeatures, TData>) => string | undefined;
}) {
  return (
    <TBody>
      {table.getRowModel().rows.map((row) => (
        <Tr key={row.id} className={rowClass?.(row)}>
          {row.getAllCells().map((cell) => (
            <Td key={cell.id} className={cellClass?.(cell.column.id)}>
              <table.FlexRender cell={cell} />
            </Td>
          ))}
        </Tr>
      ))}
    </TBody>
  );
}
