import { format, resolveConfig } from "prettier";

/** A generated source, laid out by the project's prettier settings for its file. */
export async function formatSource(source: string, file: string): Promise<string> {
  const prettierOptions = (await resolveConfig(file)) ?? {};
  return format(source, { ...prettierOptions, filepath: file });
}
