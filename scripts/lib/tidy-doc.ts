/**
 * Turns an operation's summary and description from the spec into the lines of a doc comment:
 * HTML line breaks and bold become Markdown, other tags go, relative links (meaningless in an
 * editor) keep only their text, whitespace is folded, text is wrapped, and nothing can end the
 * comment early (`*\/`) or start a doc tag by accident (`@`).
 */
export function tidyDoc(summary: string | undefined, description: string | undefined): string[] {
  const paragraphs: string[] = [];
  const title = summary === undefined ? undefined : clean(summary);
  if (title) paragraphs.push(sentence(title));
  if (description !== undefined) {
    for (const paragraph of clean(description).split(/\n{2,}/)) {
      const text = paragraph.trim();
      if (text !== "" && text !== title && sentence(text) !== paragraphs[0]) {
        paragraphs.push(text);
      }
    }
  }
  const lines: string[] = [];
  for (const paragraph of paragraphs) {
    if (lines.length > 0) lines.push("");
    for (const line of paragraph.split("\n")) lines.push(...wrap(line.trim(), 96));
  }
  return lines;
}

function clean(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/?p>/gi, "\n\n")
    .replace(/<\/?(b|strong)>/gi, "**")
    .replace(/<\/?(i|em)>/gi, "_")
    .replace(/<\/?code>/gi, "`")
    .replace(/<[^>]+>/g, "")
    .replace(/\[([^\]]+)\]\((?!https?:)[^)]*\)/g, "$1")
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\*\//g, "*\\/")
    .replace(/(^|\s)@/g, "$1\\@")
    .replace(/[ \t]+/g, " ")
    .replace(/ *\n */g, "\n")
    .trim();
}

function sentence(text: string): string {
  return /[.!?:]$/.test(text) ? text : `${text}.`;
}

function wrap(line: string, width: number): string[] {
  if (line.length <= width) return [line];
  const out: string[] = [];
  let current = "";
  for (const word of line.split(" ")) {
    if (current !== "" && current.length + 1 + word.length > width) {
      out.push(current);
      current = word;
    } else {
      current = current === "" ? word : `${current} ${word}`;
    }
  }
  if (current !== "") out.push(current);
  return out;
}
