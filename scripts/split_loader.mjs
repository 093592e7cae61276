// Shortens the split loader that every page imports before the app starts (`__wasm_split.*.js`,
// written by `cargo leptos build --split`), run after the build: `node split_loader.mjs PKG_DIR
// HASH_FILE`. The loader names each of some 200 chunks with a 22-character content hash, which
// brotli cannot shrink: more than half of its compressed size (README, "the first download").
//
// - Chunks keep the first 8 characters of their hash (48 bits, still a new name whenever the
//   content changes), and the groups' files drop the build number wasm-split gives every name.
// - Each chunk's fetch is one call of a helper instead of the same five lines; comment lines go.
//
// The loader keeps its file name: it is cargo-leptos' hash of what cargo-leptos wrote, and what
// this script makes of it depends on nothing else, so a name still means one content. (Should
// the naming below ever change, change the number of hash characters kept with it, so that no
// browser pairs a cached loader with chunks named another way.) The server-side manifest that
// names the chunks to preload follows the new names. Running it twice changes nothing more.
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const [pkg, hashFile] = process.argv.slice(2);
if (!pkg || !hashFile) {
  console.error("usage: node split_loader.mjs PKG_DIR HASH_FILE");
  process.exit(2);
}
const hashes = Object.fromEntries(
  readFileSync(hashFile, "utf8")
    .split("\n")
    .filter((line) => line.includes(":"))
    .map((line) => line.split(":").map((part) => part.trim()))
);
if (!hashes.split) process.exit(0); // not a split build
const loaderPath = join(pkg, `__wasm_split.${hashes.split}.js`);
const manifestPath = join(pkg, `__wasm_split_manifest.${hashes.manifest}.json`);
let loader = readFileSync(loaderPath, "utf8");
const HELPER = "function fetchChunk(";
if (loader.includes(HELPER)) process.exit(0);

const KEPT = 8;
const renames = new Map();
loader = loader.replace(/\.\/([A-Za-z0-9_]+)\.([A-Za-z0-9_-]{22})\.wasm/g, (_, stem, hash) => {
  const short = `${stem.replace(/^(split_\w+?)_\d+$/, "$1")}.${hash.slice(0, KEPT)}`;
  renames.set(`${stem}.${hash}`, short);
  return `./${short}.wasm`;
});
if (new Set(renames.values()).size !== renames.size) fail("two chunks would get one name");

// Every chunk is fetched the same way (debug builds wrap the instantiation for messages): that
// way becomes the helper's body, or the loader's shape has changed and this script stops.
const fetches = /makeLoad\(\(\) => \{\n\s*const src = fetch\(new URL\("\.\/([^"]+)\.wasm", import\.meta\.url\)\);\n\s*(return [^\n]+;)\n\}\n, /g;
const bodies = new Set();
let calls = 0;
loader = loader.replace(fetches, (_, file, body) => {
  calls += 1;
  bodies.add(body);
  return `fetchChunk("${file}", `;
});
if (calls !== renames.size || bodies.size !== 1 || loader.includes("const src = fetch(")) {
  fail(`expected ${renames.size} chunk fetches of one known shape, found ${calls} of ${bodies.size}`);
}
loader = loader.replace(/^\s*\/\/.*\n/gm, "");
loader += `
${HELPER}file, deps) {
    return makeLoad(() => {
        const src = fetch(new URL(\`./\${file}.wasm\`, import.meta.url));
        ${[...bodies][0]}
    }, deps);
}
`;

for (const [from, to] of renames) {
  for (const ext of [".wasm", ".wasm.br", ".wasm.gz"]) {
    const path = join(pkg, from + ext);
    if (existsSync(path)) renameSync(path, join(pkg, to + ext));
  }
  if (!existsSync(join(pkg, `${to}.wasm`))) fail(`the loader names ${from}.wasm, which is not in ${pkg}`);
}
rewrite(loaderPath, loader);
if (existsSync(manifestPath)) {
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
  for (const chunks of Object.values(manifest)) {
    chunks.forEach((chunk, i) => (chunks[i] = renames.get(chunk) ?? chunk));
  }
  rewrite(manifestPath, JSON.stringify(manifest));
}
console.log(`split loader: ${renames.size} chunk names shortened`);

// Writes a file and, where the build precompressed the old content, the new content likewise.
function rewrite(path, text) {
  writeFileSync(path, text);
  if (existsSync(`${path}.br`)) {
    const params = {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: text.length,
    };
    writeFileSync(`${path}.br`, brotliCompressSync(text, { params }));
  }
  if (existsSync(`${path}.gz`)) writeFileSync(`${path}.gz`, gzipSync(text, { level: 9 }));
}

function fail(message) {
  console.error(`split_loader.mjs: ${message}`);
  process.exit(1);
}
