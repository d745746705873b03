// Inngest calls this endpoint to run Ponte's functions (and PUTs it to sync them). In cloud mode (always in
// production) every call must carry Inngest's signature, a sync included: an unsigned PUT would otherwise make
// the app sync itself with Inngest under whatever address the request's Host header claims, and Inngest would
// then send the jobs there. INNGEST_SERVE_ORIGIN, when set, is the address Inngest is told to call.
import { serve } from "inngest/next";
import { inngest } from "@/lib/inngest/client";
import { functions } from "@/inngest/functions";

export const { GET, POST, PUT } = serve({ client: inngest, functions, enableUnauthedSync: false });
