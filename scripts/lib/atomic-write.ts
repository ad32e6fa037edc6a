import { randomBytes } from "node:crypto";
import { mkdir, open, readFile, rename, rm } from "node:fs/promises";
import { dirname } from "node:path";

export interface FileToWrite {
  path: string;
  content: string | Buffer;
}

/**
 * Replaces several files as one step: every new content is first written and flushed to a
 * temporary file beside its target, and only then renamed over the targets. If a rename fails
 * part way, the targets already replaced get their previous bytes back, so readers never see a
 * new spec with an old provenance (or the reverse).
 */
export async function replaceFilesAtomically(files: FileToWrite[]): Promise<void> {
  const staged: Array<FileToWrite & { temp: string; previous: Buffer | undefined }> = [];
  try {
    for (const file of files) {
      await mkdir(dirname(file.path), { recursive: true });
      const temp = `${file.path}.tmp-${process.pid}-${randomBytes(4).toString("hex")}`;
      const previous = await readFile(file.path).catch(() => undefined);
      staged.push({ ...file, temp, previous });
      const handle = await open(temp, "wx");
      try {
        await handle.writeFile(file.content);
        await handle.sync();
      } finally {
        await handle.close();
      }
    }
    const renamed: typeof staged = [];
    try {
      for (const file of staged) {
        await rename(file.temp, file.path);
        renamed.push(file);
      }
    } catch (error) {
      await restore(renamed);
      throw error;
    }
  } finally {
    await Promise.all(staged.map((file) => rm(file.temp, { force: true })));
  }
}

async function restore(
  files: Array<{ path: string; previous: Buffer | undefined }>,
): Promise<void> {
  for (const file of files) {
    if (file.previous === undefined) await rm(file.path, { force: true });
    else await replaceFilesAtomically([{ path: file.path, content: file.previous }]);
  }
}
