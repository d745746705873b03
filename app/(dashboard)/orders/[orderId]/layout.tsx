import { findVisibleOrder } from "@/lib/data/order-detail";
import { visibleOr404 } from "../../visible-or-404";

export default visibleOr404("orderId", findVisibleOrder);
