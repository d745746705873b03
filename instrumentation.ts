// Runs once when the server starts: a missing or malformed variable stops it here, with a message naming
// the variable, instead of failing on the first request that happens to need it.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { checkConfigurationOrExit } = await import("./lib/startup");
    checkConfigurationOrExit();
  }
}
