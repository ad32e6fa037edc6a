import { axiosPeer } from "./axios.js";
import { bareFetch } from "./bare-fetch.js";
import { facadeClient, facadeCore } from "./facade.js";
import { heyApi } from "./hey-api.js";
import { kyPeer } from "./ky.js";
import { openapiFetch } from "./openapi-fetch.js";
import { orval } from "./orval.js";
import type { Peer, PeerSetup } from "./peer.js";

export { setUpPeers } from "./setup.js";
export type { Peer, PeerSetup } from "./peer.js";

/** Every client of the comparison, in the order of the table. */
export function allPeers(setup: PeerSetup): Peer[] {
  return [
    bareFetch(),
    openapiFetch(setup),
    orval(setup),
    heyApi(setup),
    kyPeer(setup),
    axiosPeer(setup),
    facadeCore(setup),
    facadeClient(setup),
  ];
}
