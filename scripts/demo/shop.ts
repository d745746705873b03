// The demo's live shop: what a merchant's day looks like, played on the Jumpseller simulator. Every step
// goes through the real webhooks, so what the dashboard then shows was produced by the real pipeline.
import type { JumpsellerSimulatorControl } from "../../simulators/jumpseller";

export async function playDemoShop(shop: JumpsellerSimulatorControl): Promise<{ paid: number }> {
  const mug = shop.createProduct({
    name: "Caneca Azulejo",
    sku: "CAN-AZ-01",
    barcode: "5601234567894",
    brand: "Ponte Cerâmica",
    price: 12.5,
    stock: 40,
    categories: ["Cozinha"],
  });
  shop.createProduct({
    name: "T-shirt Lisboa",
    brand: "Ponte Têxtil",
    price: 19.9,
    categories: ["Roupa"],
    variants: [
      { sku: "TS-LX-M", price: 19.9, stock: 12, options: { Tamanho: "M" } },
      { sku: "TS-LX-L", price: 19.9, stock: 8, options: { Tamanho: "L" } },
    ],
  });
  const book = shop.createProduct({
    name: "Guia de Azulejos",
    sku: "LIV-AZ-01",
    price: 24,
    stock: 15,
    categories: ["Livros"],
  });

  const orders = [
    shop.createOrder({
      products: [{ productId: mug.id, qty: 2 }],
      shipping: 4.5,
      nif: "123456789",
      customer: { email: "joana@example.pt", fullname: "Joana Ferreira" },
    }),
    shop.createOrder({
      products: [
        { productId: book.id, qty: 1, taxRate: 6 },
        { productId: mug.id, qty: 1 },
      ],
      coupon: { code: "BEMVINDO10", percent: 10 },
      shipping: 3.9,
      customer: { email: "rui@example.pt", fullname: "Rui Costa" },
    }),
    shop.createOrder({
      products: [{ sku: "TS-LX-M", qty: 1 }],
      giftCard: 5,
      nif: "PT 501 964 843",
      customer: { email: "compras@empresa.pt", fullname: "Empresa Exemplo, Lda" },
    }),
    shop.createOrder({
      products: [{ sku: "TS-LX-L", qty: 2 }],
      country: "Spain",
      countryCode: "ES",
      address: { address: "Calle Mayor 5", city: "Madrid", postal: "28013", region: "Madrid", municipality: "Madrid" },
      customer: { email: "lucia@example.es", fullname: "Lucía García" },
    }),
  ];
  // A typo in the NIF: the invoice is refused with the reason, and an e-mail explains it.
  const typo = shop.createOrder({
    products: [{ productId: mug.id, qty: 1 }],
    nif: "123456780",
    customer: { email: "ana@example.pt", fullname: "Ana Lopes" },
  });
  // Paid, invoiced, then cancelled: the dashboard suggests a credit note.
  const cancelled = shop.createOrder({
    products: [{ productId: book.id, qty: 1, taxRate: 6 }],
    customer: { email: "pedro@example.pt", fullname: "Pedro Santos" },
  });
  // Never paid: never invoiced.
  shop.createOrder({
    products: [{ productId: mug.id, qty: 3 }],
    customer: { email: "marta@example.pt", fullname: "Marta Reis" },
  });

  for (const order of [...orders, typo, cancelled]) shop.payOrder(order.id);
  await shop.settle();
  shop.cancelOrder(cancelled.id);
  shop.setStock(mug.id, null, 37);
  return { paid: orders.length + 2 };
}
