#!/usr/bin/env node
const require = typeof process.getBuiltinModule === 'function' ? (id) => process.getBuiltinModule(id) ?? (() => { throw Object.assign(new Error("Cannot find module '" + id + "'"), { code: 'MODULE_NOT_FOUND' }); })() : (await import('node:module')).createRequire(import.meta.url);
import{b as N}from"./chunk-7KFSSDFP.mjs";import{a as t,b as G,c as J,d as D,e as v}from"./chunk-IFLFJIQW.mjs";var _=J((re,W)=>{var L,T=t(function(){return L||(L=G("node:worker_threads"))},"load"),U=new Proxy({},{get:t(function(f,i,y){var d=T();return Object.getPrototypeOf(y)===U&&Object.setPrototypeOf(y,d),d[i]},"get"),has:t(function(f,i){return i in T()},"has")});W.exports=Object.create(U)});var H=D(_(),1),x=D(N(),1);var V=1024*1024,Y=6,Z=`
const { parentPort } = require('node:worker_threads');
const fs = require('node:fs');
const { createHash } = require('node:crypto');
const open = new Map();
function fail(f, op, e) {
  f.error = { op, code: (e && e.code) || 'EIO' };
  if (f.fd !== undefined) { try { fs.closeSync(f.fd); } catch {} f.fd = undefined; }
}
function piece(slab, p, replies) {
  if (p.dir !== undefined && p.target === undefined) {
    try { fs.mkdirSync(p.dir, { recursive: true }); } catch {}
    return;
  }
  let f = open.get(p.id);
  if (!f) {
    f = { hash: createHash('sha256'), size: 0, mtime: p.mtime };
    open.set(p.id, f);
    if (p.target !== null) {
      if (p.dir !== undefined) { try { fs.mkdirSync(p.dir, { recursive: true }); } catch (e) { fail(f, 'mkdir', e); } }
      if (!f.error) { try { f.fd = fs.openSync(p.target, 'wx', p.mode); } catch (e) { fail(f, 'open', e); } }
    }
  }
  if (!f.error && p.len > 0) {
    const data = new Uint8Array(slab, p.off, p.len);
    f.hash.update(data);
    f.size += p.len;
    if (f.fd !== undefined) {
      try { let off = 0; while (off < p.len) off += fs.writeSync(f.fd, data, off, p.len - off); } catch (e) { fail(f, 'write', e); }
    }
  }
  if (!p.end) return;
  open.delete(p.id);
  if (!f.error && f.fd !== undefined) {
    if (f.mtime > 0) { try { fs.futimesSync(f.fd, f.mtime, f.mtime); } catch {} }
    try { fs.closeSync(f.fd); f.fd = undefined; } catch (e) { f.fd = undefined; fail(f, 'close', e); }
  }
  replies.push(f.error ? { id: p.id, error: f.error } : { id: p.id, sha256: f.hash.digest('hex'), size: f.size });
}
parentPort.on('message', ({ slab, pieces }) => {
  const replies = [];
  for (const p of pieces) piece(slab, p, replies);
  parentPort.postMessage({ slab, replies }, slab ? [slab] : []);
});
`;function ee(f,i){return i.op==="open"?new v(`cannot create ${f} while unpacking (${i.code}); nothing was written`,{code:i.code==="EEXIST"?"duplicate_entry":"unwritable"}):new v(`cannot write ${f} while unpacking (${i.code}); check the free space and permissions of the destination; nothing was written`,{code:"unwritable"})}t(ee,"failure");function ie(f){let i,y=1,d=0,o,z=[],I=0,w=new Map,A=[],g=new Set,l,c=0,u=[],F=!1,j=t(()=>{for(let e of A.splice(0))e()},"wake"),B=t(e=>{if(!o){o=new v(`the file writer stopped (${e.message}); nothing was written`,{code:"unwritable",cause:e});for(let r of w.values())r.reject(o);w.clear(),d=0,j()}},"die"),K=t(({slab:e,replies:r})=>{e&&z.push(e),d-=1;for(let s of r){let n=w.get(s.id);n&&(w.delete(s.id),s.error?n.reject(ee(n.path,s.error)):n.resolve({sha256:s.sha256,size:s.size}))}d===0&&i?.unref(),j()},"onMessage"),M=t(()=>{if(i)return i;let e=new H.Worker(Z,{eval:!0});return e.on("message",K),e.on("error",B),e.on("exit",r=>{d>0&&B(new Error(`exit code ${r}`))}),i=e,e},"start"),O=t(()=>{if(u.length===0)return;let e=M();e.ref(),d+=1;let r=l?l.buffer:null;e.postMessage({slab:r,pieces:u},r?[r]:[]),l=void 0,c=0,u=[]},"flush"),Q=t(()=>{F||(F=!0,setImmediate(()=>{F=!1,O()}))},"queueFlush"),X=t(async()=>{for(;;){if(o)throw o;if(l&&c<l.byteLength)return l;l&&O();let e=z.pop();if(!e&&I<Y&&(I+=1,e=new ArrayBuffer(V)),e)return l=new Uint8Array(e),c=0,l;await new Promise(r=>A.push(r))}},"room"),b=t(e=>{if(o)throw o;u.push(e),Q()},"add"),C=t(e=>{if(f===null)return;let r=e.lastIndexOf("/");if(r<=0)return;let s=e.slice(0,r);if(!g.has(s)){for(let n=s;n!==""&&!g.has(n);n=n.includes("/")?n.slice(0,n.lastIndexOf("/")):"")g.add(n);return(0,x.join)(f,s)}},"nameParent"),R=t(async(e,r,s,n)=>{if(o)throw o;let p=y++,k=new Promise((m,h)=>w.set(p,{path:e,resolve:m,reject:h}));k.catch(()=>{});let E={id:p,target:f===null?null:(0,x.join)(f,e),mode:r&73?493:420,mtime:s,off:0,len:0,end:!1},$=C(e);$&&(E.dir=$);let P=!0,a;try{for await(let m of n){let h=0;for(;h<m.length;){let q=await X();(!a||u[u.length-1]!==a||a.off+a.len!==c)&&(a=P?{...E,off:c,len:0}:{id:p,off:c,len:0,end:!1},P=!1,b(a));let S=Math.min(q.byteLength-c,m.length-h);q.set(m.subarray(h,h+S),c),c+=S,a.len+=S,h+=S}}}catch(m){throw n.resume(),w.delete(p),P||b({id:p,off:0,len:0,end:!0}),m}return a&&u[u.length-1]===a?a.end=!0:b(P?{...E,off:0,len:0,end:!0}:{id:p,off:0,len:0,end:!0}),{digest:k}},"startFile");return f!==null&&M().unref(),{startFile:R,async writeFile(e,r,s,n,p){let{digest:k}=await R(e,r,s,n,p);return k},async mkdir(e){if(!(f===null||e===""||g.has(e))){for(let r=e;r!==""&&!g.has(r);r=r.includes("/")?r.slice(0,r.lastIndexOf("/")):"")g.add(r);b({id:0,dir:(0,x.join)(f,e),off:0,len:0,end:!1})}},async close(){for(O();d>0&&!o;)await new Promise(r=>A.push(r));let e=i;i=void 0,e&&await e.terminate()}}}t(ie,"threadedSink");export{_ as a,ie as b};
