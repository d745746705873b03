import { Checkbox } from "@/components/ui/field";
import { cn } from "@/components/ui/cn";

export type StoreSwitch = "enabled" | "testMode" | "oss" | "autoCreditNote";

/**
 * A store's on/off settings as checkboxes named after its fields, in the order given. Store setup and store
 * settings word them for their own moment (a first connection, a later change), so each passes its wording.
 */
export function StoreSwitches<S extends StoreSwitch>({
  switches,
  checked,
  words,
  className,
}: {
  switches: S[];
  checked: Record<S, boolean>;
  words: (name: S) => { label: string; hint: string };
  className?: string;
}) {
  return (
    <fieldset className={cn("grid gap-3", className)}>
      {switches.map((name) => (
        <Checkbox key={name} name={name} defaultChecked={checked[name]} {...words(name)} />
      ))}
    </fieldset>
  );
}
