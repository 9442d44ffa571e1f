#!/usr/bin/env node
const require = typeof process.getBuiltinModule === 'function' ? (id) => process.getBuiltinModule(id) ?? (() => { throw Object.assign(new Error("Cannot find module '" + id + "'"), { code: 'MODULE_NOT_FOUND' }); })() : (await import('node:module')).createRequire(import.meta.url);
import{a as Z,b as ee}from"./chunk-M75ENXBJ.mjs";import{a as re}from"./chunk-XLM6BQDS.mjs";import{a as n,b as G,c as J,d as A,e as E}from"./chunk-IFLFJIQW.mjs";var Y=J((de,N)=>{var L,U=n(function(){return L||(L=G("node:worker_threads"))},"load"),H=new Proxy({},{get:n(function(s,a,h){var d=U();return Object.getPrototypeOf(h)===H&&Object.setPrototypeOf(h,d),d[a]},"get"),has:n(function(s,a){return a in U()},"has")});N.exports=Object.create(H)});var ne=A(re(),1),te=A(ee(),1),K=A(Y(),1),x=A(Z(),1);var ie=1024*1024,se=6,oe=4*1024*1024,Q=`
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
`;function fe(s,a){let h,F={"node:worker_threads":{parentPort:{on:n((f,i)=>{h=i},"on"),postMessage:n(f=>s(f),"postMessage")}},"node:fs":te,"node:crypto":ne};return new Function("require",Q)(f=>F[f]),{postMessage:n(f=>setImmediate(()=>{try{h?.(f)}catch(i){a(i instanceof Error?i:new Error(String(i)))}}),"postMessage"),ref:n(()=>{},"ref"),unref:n(()=>{},"unref"),terminate:n(async()=>0,"terminate")}}n(fe,"inlineWriter");function ae(s,a){return a.op==="open"?new E(`cannot create ${s} while unpacking (${a.code}); nothing was written`,{code:a.code==="EEXIST"?"duplicate_entry":"unwritable"}):new E(`cannot write ${s} while unpacking (${a.code}); check the free space and permissions of the destination; nothing was written`,{code:"unwritable"})}n(ae,"failure");function ue(s,a=Number.POSITIVE_INFINITY){let h=a<oe,d,F=1,f=0,i,R=[],_=0,y=new Map,I=[],b=new Set,l,u=0,p=[],O=!1,T=n(()=>{for(let e of I.splice(0))e()},"wake"),M=n(e=>{if(!i){i=new E(`the file writer stopped (${e.message}); nothing was written`,{code:"unwritable",cause:e});for(let r of y.values())r.reject(i);y.clear(),f=0,T()}},"die"),j=n(({slab:e,replies:r})=>{e&&R.push(e),f-=1;for(let o of r){let t=y.get(o.id);t&&(y.delete(o.id),o.error?t.reject(ae(t.path,o.error)):t.resolve({sha256:o.sha256,size:o.size}))}f===0&&d?.unref(),T()},"onMessage"),W=n(()=>{if(d)return d;if(h)return d=fe(j,M),d;let e=new K.Worker(Q,{eval:!0});return e.on("message",j),e.on("error",M),e.on("exit",r=>{f>0&&M(new Error(`exit code ${r}`))}),d=e,e},"start"),z=n(()=>{if(p.length===0)return;let e=W();e.ref(),f+=1;let r=l?l.buffer:null;e.postMessage({slab:r,pieces:p},r?[r]:[]),l=void 0,u=0,p=[]},"flush"),V=n(()=>{O||(O=!0,setImmediate(()=>{O=!1,z()}))},"queueFlush"),X=n(async()=>{for(;;){if(i)throw i;if(l&&u<l.byteLength)return l;l&&z();let e=R.pop();if(!e&&_<se&&(_+=1,e=new ArrayBuffer(ie)),e)return l=new Uint8Array(e),u=0,l;await new Promise(r=>I.push(r))}},"room"),v=n(e=>{if(i)throw i;p.push(e),V()},"add"),C=n(e=>{if(s===null)return;let r=e.lastIndexOf("/");if(r<=0)return;let o=e.slice(0,r);if(!b.has(o)){for(let t=o;t!==""&&!b.has(t);t=t.includes("/")?t.slice(0,t.lastIndexOf("/")):"")b.add(t);return(0,x.join)(s,o)}},"nameParent"),q=n(async(e,r,o,t)=>{if(i)throw i;let m=F++,k=new Promise((g,w)=>y.set(m,{path:e,resolve:g,reject:w}));k.catch(()=>{});let B={id:m,target:s===null?null:(0,x.join)(s,e),mode:r&73?493:420,mtime:o,off:0,len:0,end:!1},$=C(e);$&&(B.dir=$);let P=!0,c;try{for await(let g of t){let w=0;for(;w<g.length;){let D=await X();(!c||p[p.length-1]!==c||c.off+c.len!==u)&&(c=P?{...B,off:u,len:0}:{id:m,off:u,len:0,end:!1},P=!1,v(c));let S=Math.min(D.byteLength-u,g.length-w);D.set(g.subarray(w,w+S),u),u+=S,c.len+=S,w+=S}}}catch(g){throw t.resume(),y.delete(m),P||v({id:m,off:0,len:0,end:!0}),g}return c&&p[p.length-1]===c?c.end=!0:v(P?{...B,off:0,len:0,end:!0}:{id:m,off:0,len:0,end:!0}),{digest:k}},"startFile");return s!==null&&W().unref(),{startFile:q,async writeFile(e,r,o,t,m){let{digest:k}=await q(e,r,o,t,m);return k},async mkdir(e){if(!(s===null||e===""||b.has(e))){for(let r=e;r!==""&&!b.has(r);r=r.includes("/")?r.slice(0,r.lastIndexOf("/")):"")b.add(r);v({id:0,dir:(0,x.join)(s,e),off:0,len:0,end:!1})}},async close(){for(z();f>0&&!i;)await new Promise(r=>I.push(r));let e=d;d=void 0,e&&await e.terminate()}}}n(ue,"threadedSink");export{Y as a,ue as b};
