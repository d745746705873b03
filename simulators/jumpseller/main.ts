// npm run sim:jumpseller: a seeded demo store on PORT (default 4520), until interrupted.
import { seedDemoStore } from "./seed";
import { startJumpsellerSimulator } from "./server";

async function main() {
  const port = Number(process.env.PORT ?? 4520);
  const sim = await startJumpsellerSimulator({
    port,
    storeCode: process.env.JUMPSELLER_SIM_STORE_CODE ?? "ponte-demo",
    login: process.env.JUMPSELLER_SIM_LOGIN ?? "demo-login",
    authtoken: process.env.JUMPSELLER_SIM_AUTHTOKEN ?? "demo-authtoken-0123456789abcdef01",
    hooksToken: process.env.JUMPSELLER_SIM_HOOKS_TOKEN ?? "demo-hooks-token",
    clientId: process.env.JUMPSELLER_CLIENT_ID ?? "ponte-client-id",
    clientSecret: process.env.JUMPSELLER_CLIENT_SECRET ?? "ponte-client-secret",
  });
  seedDemoStore(sim.control);
  const { store } = sim.control;
  console.log(`Jumpseller simulator for store "${store.code}"
  API (JUMPSELLER_API_URL):   ${sim.url}
  OAuth (JUMPSELLER_AUTH_URL): ${sim.authUrl}
  control:                     ${sim.authUrl}/__control/
  private API login:           ${store.login} / ${store.authtoken}
  OAuth client:                ${store.clientId} / ${store.clientSecret}
  hooks token:                 ${store.hooksToken}`);

  const stop = () => {
    void sim.close().then(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
