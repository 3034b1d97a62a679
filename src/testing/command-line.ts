/** A flag of a command: its names, the word its value is shown as (none for a switch), whether it repeats, and its help. */
export interface Flag {
  names: readonly string[];
  value?: string;
  repeats?: boolean;
  help: string;
}

/** What the command line gave each flag, by its first long name without dashes (`port`), or what is wrong with it. */
export type ParsedArguments = { values: Record<string, string[]> } | { error: string };

/**
 * The command line read against `flags`: `--name value`, `--name=value` and short names
 * (`-p 4010`); a flag that does not repeat may be given once. Anything else is an error that names it.
 */
export function parseArguments(args: readonly string[], flags: readonly Flag[]): ParsedArguments {
  const values: Record<string, string[]> = {};
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] ?? "";
    const [name = "", inline] =
      arg.startsWith("--") && arg.includes("=")
        ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]
        : [arg];
    const flag = flags.find((candidate) => candidate.names.includes(name));
    if (flag === undefined) return { error: `unknown argument "${arg}"` };
    const key = keyOf(flag);
    let value = "";
    if (flag.value !== undefined) {
      const next = inline ?? args[++index];
      if (next === undefined)
        return { error: `${name} needs ${flag.value === "N" ? "a number" : `a value (${flag.value})`}` };
      value = next;
    } else if (inline !== undefined) {
      return { error: `${name} takes no value` };
    }
    const given = values[key] ?? [];
    if (given.length > 0 && !flag.repeats) return { error: `${name} may be given once` };
    values[key] = [...given, value];
  }
  return { values };
}

/** The key of a flag's values: its first long name without dashes. */
export function keyOf(flag: Flag): string {
  return (flag.names.find((name) => name.startsWith("--")) ?? flag.names[0] ?? "").replace(/^-+/, "");
}

/** The flags as a help text lists them, one a line, their help aligned. */
export function flagHelp(flags: readonly Flag[]): string {
  const shown = flags.map((flag) => {
    const short = flag.names.find((name) => !name.startsWith("--"));
    const long = flag.names.filter((name) => name.startsWith("--")).join(", ");
    return `${short ? `${short}, ` : "    "}${long}${flag.value ? ` ${flag.value}` : ""}`;
  });
  const width = Math.max(...shown.map((text) => text.length)) + 2;
  return flags
    .map((flag, index) => {
      const [first = "", ...more] = flag.help.split("\n");
      return [
        `  ${(shown[index] ?? "").padEnd(width)}${first}`,
        ...more.map((line) => `  ${" ".repeat(width)}${line}`),
      ].join("\n");
    })
    .join("\n");
}
