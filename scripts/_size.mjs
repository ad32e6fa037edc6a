import { build } from "esbuild";
import { gzipSync } from "node:zlib";
const stubs = JSON.parse(process.argv[2] ?? "{}");
const r = await build({
  entryPoints: ["/tmp/sz/app.ts"], bundle: true, minify: true, format: "esm", platform: "neutral", packages: "external", write: false, metafile: true,
  plugins: [{ name: "stub", setup(b) {
    b.onResolve({ filter: /.*/ }, (a) => { for (const [k, v] of Object.entries(stubs)) if (a.path.endsWith(k)) return { path: k, namespace: "stub", pluginData: v }; });
    b.onLoad({ filter: /.*/, namespace: "stub" }, (a) => ({ contents: a.pluginData, loader: "ts" }));
  } }],
});
const out = r.outputFiles[0].contents;
console.log("min", out.length, "gz", gzipSync(out, { level: 9 }).length);
