// What the Inngest SDK logs about Ponte's functions. An expected outcome (an order refused for its data, a
// service that did not answer and will be retried) is one line: the job already records it, and the
// dashboard and the failure e-mail explain it. Only an error nobody expected keeps its stack trace.

// By name, not instanceof: the bundler may give the functions and this logger separate copies of a class.
const expectedErrors = new Set(["DataProblem", "ServiceError"]);

type LogFn = (...args: unknown[]) => void;

function fieldsAndMessage(args: unknown[]): { err: unknown; message: string } | null {
  const [fields, message] = args;
  if (args.length < 2 || typeof message !== "string" || typeof fields !== "object" || fields === null) return null;
  return "err" in fields ? { err: (fields as { err: unknown }).err, message } : null;
}

/** The error a step threw, under Inngest's NonRetriableError/RetryAfterError wrapping. */
function rootOf(error: unknown): unknown {
  return error instanceof Error && error.cause !== undefined && /NonRetriable|RetryAfter/.test(error.name)
    ? error.cause
    : error;
}

function isFinal(error: unknown): boolean {
  return error instanceof Error && /NonRetriable/.test(error.name);
}

export function createFunctionLogger(write: { error: LogFn; warn: LogFn; info: LogFn; debug: LogFn } = console) {
  const error: LogFn = (...args) => {
    const logged = fieldsAndMessage(args);
    if (!logged) return write.error(...args);
    const root = rootOf(logged.err);
    if (!(root instanceof Error) || !expectedErrors.has(root.name)) return write.error(logged.message, logged.err);
    const { code: given, status } = root as { code?: unknown; status?: unknown };
    const code = typeof given === "string" ? ` [${given}]` : typeof status === "number" ? ` [HTTP ${status}]` : "";
    if (logged.message === "Inngest step error") {
      // A step that will not be retried ends the run: the function's own error line follows.
      if (isFinal(logged.err)) return;
      return write.warn(`Job step failed, retrying: ${root.message}${code}`);
    }
    write.error(`Job stopped: ${root.message}${code}`);
  };
  return { error, warn: write.warn, info: write.info, debug: write.debug };
}
