// `npm run synth`: renders every artifact and writes it under out/. Rendering is pure; this
// script is the edge where files are written.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

type Renderer = () => Record<string, string>;

/** Each renderer returns file paths relative to out/ mapped to their contents. */
const renderers: Renderer[] = [];

function collect(): Map<string, string> {
  const files = new Map<string, string>();
  for (const render of renderers) {
    for (const [path, content] of Object.entries(render())) {
      if (files.has(path)) throw new Error(`synth: two renderers write ${path}`);
      files.set(path, content);
    }
  }
  return files;
}

// Render everything before touching the disk, so a bad config leaves out/ as it was.
const files = collect();
const outDir = "out";
rmSync(outDir, { recursive: true, force: true });
for (const [path, content] of files) {
  const target = join(outDir, path);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, content);
}
console.log(`synth: wrote ${files.size} files under ${outDir}/`);
