import { findVisibleStore } from "@/lib/access";
import { visibleOr404 } from "../../visible-or-404";

export default visibleOr404("storeId", findVisibleStore);
