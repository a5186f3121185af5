// Async functions: await chains and Promise.all with a rejecting member.
async function level3(n) {
  await null;
  throw /*@l3-throw*/new Error/*@l3-throw:jsc*/('level3 failed at ' + n);
}
async function level2(n) {
  await /*@l2-call*/level3/*@l2-call:jsc*/(n + 1);
}
async function level1() {
  await /*@l1-call*/level2/*@l1-call:jsc*/(1);
}

defineCase('async-await-chain', function asyncAwaitChain() {
  return /*@aac-call*/level1/*@aac-call:jsc*/();
});

async function fetchOk() {
  await null;
  return 'ok';
}
async function fetchFails(which) {
  await null;
  throw /*@pa-throw*/new TypeError/*@pa-throw:jsc*/('member ' + which + ' rejected');
}
async function loadAll() {
  return await Promise.all([fetchOk(), /*@pa-member*/fetchFails/*@pa-member:jsc*/(1)]);
}

defineCase('promise-all-rejection', function promiseAllRejection() {
  return /*@pa-call*/loadAll/*@pa-call:jsc*/();
});

defineCase('async-arrow-sync-throw', function asyncArrowSyncThrow() {
  var check = async (v)/*@aa-arrow*/ => {
    throw /*@aa-throw*/new Error/*@aa-throw:jsc*/('async arrow ' + v);
  };
  return /*@aa-call*/check/*@aa-call:jsc*/(3);
});
