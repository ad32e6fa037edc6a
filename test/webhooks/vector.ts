/**
 * The known-answer vector of ../shared/dixa-webhooks/README.md §3 (computed there with Node's
 * crypto and Python's hmac; not from Dixa), and the wrong signatures it lists.
 */
export const vector = {
  secret: "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
  t: "1748264463123",
  tMs: 1748264463123,
  body: '{\n  "event_id" : "00000000-0000-4000-8000-000000000000",\n  "event_fqn" : "CONVERSATION_CREATED"\n}',
  v1: "6f2fc9b785fc187bd8468c410420141bc4e6a9b898b76b57a7068ce2f698e6be",
  wrong: {
    secretAsUtf8Text: "c24ae4f7cbbda3ce231384be044dc1fc346d2c234f9586be20f4b416a50054b1",
    bodyWithoutT: "cd83d2e770406fe50ce367dab9e327c93d770f773e1a42c36aedd884abd8b164",
    bodyReserialisedCompact: "e249bb25075deb8164826b43e5acae5eb1e757602bc079770da4bb9767f94fe1",
  },
} as const;

export const header = (v1: string, t: string = vector.t) => ({
  "x-dixa-signature": `t=${t},v1=${v1}`,
});
