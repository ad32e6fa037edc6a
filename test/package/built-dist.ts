import { buildDist } from "../../scripts/lib/build-dist.js";

/**
 * The package layer tests dist/ as `npm run build` makes it: built here only when its sources
 * changed since the last build (in `npm test`, the build step just made it).
 */
export default async function setup() {
  await buildDist({ ifStale: true });
}
