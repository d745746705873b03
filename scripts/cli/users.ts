import { ZodError } from "zod";
import { createUser, roles } from "../../lib/users";
import { parseFlags, required } from "./args";
import { type CliCommand, UsageError } from "./types";

export const userCreate: CliCommand = {
  name: "user:create",
  config: ["database"],
  summary: "Create a user (the first admin, or anyone later)",
  usage:
    "user:create --email <email> --role admin|accountant|merchant [--name <name>] [--password <pw> | env PONTE_PASSWORD] [--store <code>]... [--all-stores] [--locale pt-PT|en]",
  async run({ db, args, out }) {
    const { values } = parseFlags(args, {
      email: { type: "string" },
      role: { type: "string" },
      name: { type: "string" },
      password: { type: "string" },
      store: { type: "string", multiple: true },
      "all-stores": { type: "boolean" },
      locale: { type: "string" },
    });
    const email = required(values.email, "email");
    const role = required(values.role, "role");
    if (!roles.includes(role as (typeof roles)[number]))
      throw new UsageError(`--role must be one of ${roles.join(", ")}`);
    const password = values.password ?? process.env.PONTE_PASSWORD;
    if (!password) throw new UsageError("give --password or set PONTE_PASSWORD");
    const codes = values.store ?? [];
    const stores = await db.store.findMany({ where: { code: { in: codes } }, select: { id: true, code: true } });
    const unknown = codes.filter((c) => !stores.some((s) => s.code === c));
    if (unknown.length) throw new UsageError(`unknown store code(s): ${unknown.join(", ")}`);
    try {
      const user = await createUser(db, {
        email,
        name: values.name ?? email.split("@")[0]!,
        password,
        role: role as (typeof roles)[number],
        allStores: values["all-stores"] ?? false,
        storeIds: stores.map((s) => s.id),
        locale: (values.locale as "pt-PT" | "en" | undefined) ?? "pt-PT",
      });
      await db.auditEvent.create({
        data: {
          action: "user.created",
          targetType: "user",
          targetId: user.id,
          details: { via: "cli", role: user.role },
        },
      });
      out(`Created ${user.role} ${user.email} (${user.id})${user.allStores ? " with access to all stores" : ""}`);
    } catch (error) {
      if (error instanceof ZodError)
        throw new UsageError(error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
      if ((error as { code?: string }).code === "P2002")
        throw new UsageError(`a user with e-mail ${email} already exists`);
      throw error;
    }
  },
};
