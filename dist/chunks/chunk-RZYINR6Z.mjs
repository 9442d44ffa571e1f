#!/usr/bin/env node
const require = typeof process.getBuiltinModule === 'function' ? (id) => process.getBuiltinModule(id) ?? (() => { throw Object.assign(new Error("Cannot find module '" + id + "'"), { code: 'MODULE_NOT_FOUND' }); })() : (await import('node:module')).createRequire(import.meta.url);
import{d as L}from"./chunk-ISJLVJ7E.mjs";import{a as ee,b as re,c as ne}from"./chunk-SQTNS6E4.mjs";import{a as n,b as J,c as Z,d as x,e as A}from"./chunk-JR272ABH.mjs";var K=Z((ce,Y)=>{var U,H=n(function(){return U||(U=J("node:worker_threads"))},"load"),N=new Proxy({},{get:n(function(o,a,c){var d=H();return Object.getPrototypeOf(c)===N&&Object.setPrototypeOf(c,d),d[a]},"get"),has:n(function(o,a){return a in H()},"has")});Y.exports=Object.create(N)});var te=x(ne(),1),ie=x(re(),1),Q=x(K(),1),E=x(ee(),1);var se=1024*1024,oe=6,fe=4*1024*1024,V=`
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
`;function ae(o,a){let c,F={"node:worker_threads":{parentPort:{on:n((f,i)=>{c=i},"on"),postMessage:n(f=>o(f),"postMessage")}},"node:fs":ie,"node:crypto":te};return new Function("require",V)(f=>F[f]),{postMessage:n(f=>setImmediate(()=>{try{c?.(f)}catch(i){a(i instanceof Error?i:new Error(String(i)))}}),"postMessage"),ref:n(()=>{},"ref"),unref:n(()=>{},"unref"),terminate:n(async()=>0,"terminate")}}n(ae,"inlineWriter");function de(o,a){let c=L(o,200);return a.op==="open"?new A(`cannot create ${c} while unpacking (${a.code}); nothing was written`,{code:a.code==="EEXIST"?"duplicate_entry":"unwritable"}):new A(`cannot write ${c} while unpacking (${a.code}); check the free space and permissions of the destination; nothing was written`,{code:"unwritable"})}n(de,"failure");function me(o,a=Number.POSITIVE_INFINITY){let c=a<fe,d,F=1,f=0,i,R=[],T=0,y=new Map,I=[],b=new Set,u,p=0,m=[],O=!1,_=n(()=>{for(let e of I.splice(0))e()},"wake"),M=n(e=>{if(!i){i=new A(`the file writer stopped (${e.message}); nothing was written`,{code:"unwritable",cause:e});for(let r of y.values())r.reject(i);y.clear(),f=0,_()}},"die"),j=n(({slab:e,replies:r})=>{e&&R.push(e),f-=1;for(let s of r){let t=y.get(s.id);t&&(y.delete(s.id),s.error?t.reject(de(t.path,s.error)):t.resolve({sha256:s.sha256,size:s.size}))}f===0&&d?.unref(),_()},"onMessage"),W=n(()=>{if(d)return d;if(c)return d=ae(j,M),d;let e=new Q.Worker(V,{eval:!0});return e.on("message",j),e.on("error",M),e.on("exit",r=>{f>0&&M(new Error(`exit code ${r}`))}),d=e,e},"start"),z=n(()=>{if(m.length===0)return;let e=W();e.ref(),f+=1;let r=u?u.buffer:null;e.postMessage({slab:r,pieces:m},r?[r]:[]),u=void 0,p=0,m=[]},"flush"),X=n(()=>{O||(O=!0,setImmediate(()=>{O=!1,z()}))},"queueFlush"),C=n(async()=>{for(;;){if(i)throw i;if(u&&p<u.byteLength)return u;u&&z();let e=R.pop();if(!e&&T<oe&&(T+=1,e=new ArrayBuffer(se)),e)return u=new Uint8Array(e),p=0,u;await new Promise(r=>I.push(r))}},"room"),v=n(e=>{if(i)throw i;m.push(e),X()},"add"),G=n(e=>{if(o===null)return;let r=e.lastIndexOf("/");if(r<=0)return;let s=e.slice(0,r);if(!b.has(s)){for(let t=s;t!==""&&!b.has(t);t=t.includes("/")?t.slice(0,t.lastIndexOf("/")):"")b.add(t);return(0,E.join)(o,s)}},"nameParent"),q=n(async(e,r,s,t)=>{if(i)throw i;let h=F++,k=new Promise((g,w)=>y.set(h,{path:e,resolve:g,reject:w}));k.catch(()=>{});let B={id:h,target:o===null?null:(0,E.join)(o,e),mode:r&73?493:420,mtime:s,off:0,len:0,end:!1},$=G(e);$&&(B.dir=$);let P=!0,l;try{for await(let g of t){let w=0;for(;w<g.length;){let D=await C();(!l||m[m.length-1]!==l||l.off+l.len!==p)&&(l=P?{...B,off:p,len:0}:{id:h,off:p,len:0,end:!1},P=!1,v(l));let S=Math.min(D.byteLength-p,g.length-w);D.set(g.subarray(w,w+S),p),p+=S,l.len+=S,w+=S}}}catch(g){throw t.resume(),y.delete(h),P||v({id:h,off:0,len:0,end:!0}),g}return l&&m[m.length-1]===l?l.end=!0:v(P?{...B,off:0,len:0,end:!0}:{id:h,off:0,len:0,end:!0}),{digest:k}},"startFile");return o!==null&&W().unref(),{startFile:q,async writeFile(e,r,s,t,h){let{digest:k}=await q(e,r,s,t,h);return k},async mkdir(e){if(!(o===null||e===""||b.has(e))){for(let r=e;r!==""&&!b.has(r);r=r.includes("/")?r.slice(0,r.lastIndexOf("/")):"")b.add(r);v({id:0,dir:(0,E.join)(o,e),off:0,len:0,end:!1})}},async close(){for(z();f>0&&!i;)await new Promise(r=>I.push(r));let e=d;d=void 0,e&&await e.terminate()}}}n(me,"threadedSink");export{K as a,me as b};
