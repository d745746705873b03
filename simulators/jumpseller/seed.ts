// A small demo store: a few products (one with variants) and orders in each state, so the dashboard has
// something to show as soon as it connects.
import type { JumpsellerSimulatorControl } from "./control";

export function seedDemoStore(control: JumpsellerSimulatorControl) {
  const mug = control.createProduct({
    name: "Caneca Ponte",
    sku: "CAN-001",
    barcode: "5600000000017",
    brand: "Ponte",
    price: 12.5,
    stock: 40,
    categories: ["Casa"],
  });
  const tee = control.createProduct({
    name: "T-shirt Lisboa",
    sku: "TSH",
    brand: "Ponte",
    price: 19.9,
    categories: ["Roupa"],
    variants: [
      { sku: "TSH-S-AZ", barcode: "5600000000024", price: 19.9, stock: 10, options: { Tamanho: "S", Cor: "Azul" } },
      { sku: "TSH-M-AZ", barcode: "5600000000031", price: 19.9, stock: 8, options: { Tamanho: "M", Cor: "Azul" } },
    ],
  });
  const book = control.createProduct({
    name: "Guia de Lisboa",
    sku: "LIV-001",
    brand: "Editora Exemplo",
    price: 15,
    stock: null,
    categories: ["Livros"],
  });
  const variant = tee.variants[1];

  const paid = control.createOrder({
    products: [
      { productId: mug.id, qty: 2, taxRate: 23 },
      { productId: book.id, qty: 1, taxRate: 6 },
    ],
    shipping: 3.9,
    nif: "123456789",
    customer: { email: "ana.silva@example.com", fullname: "Ana Silva" },
  });
  control.payOrder(paid.id);

  const withCoupon = control.createOrder({
    products: [{ productId: tee.id, variantId: variant?.id ?? null, qty: 3, taxRate: 23 }],
    coupon: { code: "VERAO10", percent: 10 },
    shipping: 4.5,
    shippingDiscount: 4.5,
    customer: { email: "joao.costa@example.com", fullname: "João Costa" },
  });
  control.payOrder(withCoupon.id);

  control.createOrder({
    products: [{ productId: mug.id, qty: 1, taxRate: 23 }],
    customer: { email: "rita@example.com", fullname: "Rita Sousa" },
  });
  const cancelled = control.createOrder({ products: [{ productId: book.id, qty: 2, taxRate: 6 }], giftCard: 5 });
  control.cancelOrder(cancelled.id);
}
