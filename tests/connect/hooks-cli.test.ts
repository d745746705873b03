// Stores added from the command line get their hooks from store:add, or later with `store:hooks`.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hookUrl, startConnectWorld, type ConnectWorld } from "./support";
import { runCliCaptured, type RunCli } from "../support/cli";

let world: ConnectWorld;
let runCli: RunCli;

beforeAll(async () => {
  world = await startConnectWorld();
  ({ runCli } = await import("../../scripts/ponte"));
});
afterAll(() => world?.close());

const cli = (...argv: string[]) => runCliCaptured(runCli, argv);

describe("store:hooks", () => {
  it("registers the five hooks once for a store added with store:add --skip-hooks, however often it runs", async () => {
    const { login, authtoken } = world.jumpseller.control.store;
    const add = await cli(
      "store:add",
      "--code",
      "loja-azul",
      "--vendus-key",
      "vendus-key-0001-good",
      "--jumpseller-login",
      login,
      "--jumpseller-token",
      authtoken,
      "--enabled",
      "no",
      "--skip-hooks",
      "--skip-check",
    );
    expect(add).toMatchObject({ code: 0, err: "" });

    const first = await cli("store:hooks", "--store", "loja-azul");
    expect(first).toMatchObject({ code: 0, err: "" });
    expect(first.out).toContain(`point to ${hookUrl}`);
    expect(first.out).toContain(
      "created: order_paid, order_canceled, product_created, product_updated, product_stock_updated",
    );

    const second = await cli("store:hooks", "--store", "loja-azul");
    expect(second.out).toContain("created: none");
    expect(second.out).toContain("removed: none");
    expect(second.out).not.toContain(authtoken);
    const ours = world.jumpseller.control.hooks().filter((h) => h.url === hookUrl);
    expect(ours).toHaveLength(5);
  });

  it("explains an unknown store with exit code 2", async () => {
    const result = await cli("store:hooks", "--store", "nao-existe");
    expect(result.code).toBe(2);
    expect(result.err).toContain('no store with code "nao-existe"');
  });
});
