/**
 * Reads the fields of an endpoint page of Piriod's API reference (as text copied from the
 * rendered page): for each field of a section, its type and the constraints the page lists.
 */
export interface PageField {
  name: string;
  types: string[];
  format?: string;
  required: boolean;
  readOnly: boolean;
  maxLength?: number;
  default?: string;
  enum?: string[];
  description?: string;
}

const FIELD_TYPE =
  /^(string|integer|number|boolean|object|enum<string>|string\[\]|object\[\])(?:<(\w[\w-]*)>)?( \| null)?$/;

/** The fields listed between `start` (a line such as "Body") and `end` (or the end of the page). */
export function pageFields(page: string, start: string, end?: string): PageField[] {
  const lines = page.split("\n").map((line) => line.trim());
  const from = lines.indexOf(start);
  const to = end ? lines.indexOf(end, from + 1) : lines.length;
  if (from < 0 || to < 0) throw new Error(`the page has no section "${start}"${end ? ` … "${end}"` : ""}`);
  const section = lines.slice(from + 1, to);
  // A line past the section's end reads as an empty one.
  const at = (index: number): string => section[index] ?? "";
  const fields: PageField[] = [];
  for (let index = 0; index < section.length; index++) {
    const name = at(index);
    const typeLine = at(index + 1).match(FIELD_TYPE);
    if (!/^[a-z_]+$/.test(name) || !typeLine) continue;
    const [, type = "", format, nullable] = typeLine;
    const field: PageField = { name, types: [type], required: false, readOnly: false };
    if (format) field.format = format;
    if (nullable) field.types.push("null");
    index += 2;
    for (; index < section.length && !(/^[a-z_]+$/.test(at(index)) && FIELD_TYPE.test(at(index + 1))); index++) {
      const line = at(index);
      if (line === "") continue;
      if (line === "required") field.required = true;
      else if (line === "read-only") field.readOnly = true;
      else if (line.startsWith("Maximum string length: ")) field.maxLength = Number(line.slice(23));
      else if (line.startsWith("default:")) field.default = line.slice(8);
      else if (line === "Example:") index += 2;
      else if (line === "Available options:") {
        field.enum = [];
        // Options are listed one a line, each but the last followed by a comma.
        while (/^\w+,$/.test(at(index + 1))) {
          index++;
          field.enum.push(at(index).slice(0, -1));
        }
        index++;
        field.enum.push(at(index));
      } else field.description = field.description ? `${field.description} ${line}` : line;
    }
    index--;
    fields.push(field);
  }
  return fields;
}
