// Lays the uploaded files out on disk the way the containers hold them: what a container finds at
// <config dir>/X is written to <root>/<component>/X. Every path inside the files is relative, so
// they work from there unchanged.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { ComponentName } from "../stacks/components.js";
import type { UploadedFile } from "../stacks/uploads.js";

/** Writes every upload under `root` (replaced first) and returns each component's directory. */
export function layOutUploads(uploads: readonly UploadedFile[], root: string): Partial<Record<ComponentName, string>> {
  rmSync(root, { recursive: true, force: true });
  const dirs: Partial<Record<ComponentName, string>> = {};
  for (const upload of uploads) {
    if (upload.component === undefined || upload.relativePath === undefined) {
      throw new Error(`${upload.container}: ${upload.path} is not under a component's config directory`);
    }
    const dir = (dirs[upload.component] ??= join(root, upload.component));
    const target = join(dir, upload.relativePath);
    if (!target.startsWith(`${dir}/`)) throw new Error(`${upload.container}: ${upload.path} leaves its config directory`);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, upload.content);
  }
  return dirs;
}
