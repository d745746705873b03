import { findVisibleStore } from "@/lib/access";
import { visibleOr404 } from "../../../visible-or-404";

// The connect start page keeps its own loading boundary in the (start) group, so none wraps this layout.
export default visibleOr404("storeId", findVisibleStore);
