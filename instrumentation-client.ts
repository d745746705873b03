// Runs in the browser before the app. Zod compiles its object parsers with `new Function` when it may; under
// Ponte's Content-Security-Policy (no 'unsafe-eval') that probe would be reported as a violation, so the
// browser side uses Zod's interpreter instead.
import { z } from "zod";

z.config({ jitless: true });
