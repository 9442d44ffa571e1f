#!/usr/bin/env node
const require = typeof process.getBuiltinModule === 'function' ? (id) => process.getBuiltinModule(id) ?? (() => { throw Object.assign(new Error("Cannot find module '" + id + "'"), { code: 'MODULE_NOT_FOUND' }); })() : (await import('node:module')).createRequire(import.meta.url);
import{d as q}from"./chunk-ISJLVJ7E.mjs";import{a as Z,b as ee,c as re}from"./chunk-SQTNS6E4.mjs";import{a as n,b as X,c as J,d as P,e as S}from"./chunk-JR272ABH.mjs";var C=J((ce,U)=>{var $,D=n(function(){return $||($=X("node:worker_threads"))},"load"),Q=new Proxy({},{get:n(function(i,s,f){var p=D();return Object.getPrototypeOf(f)===Q&&Object.setPrototypeOf(f,p),p[s]},"get"),has:n(function(i,s){return s in D()},"has")});U.exports=Object.create(Q)});var ne=P(re(),1),te=P(ee(),1),N=P(C(),1),I=P(Z(),1);var se=1024*1024,ie=6,oe=4*1024*1024,Y=`
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
`;function fe(i,s){let f,u={"node:worker_threads":{parentPort:{on:n((m,o)=>{f=o},"on"),postMessage:n(m=>i(m),"postMessage")}},"node:fs":te,"node:crypto":ne};return new Function("require",Y)(m=>u[m]),{postMessage:n(m=>setImmediate(()=>{try{f?.(m)}catch(o){s(o instanceof Error?o:new Error(String(o)))}}),"postMessage"),ref:n(()=>{},"ref"),unref:n(()=>{},"unref"),terminate:n(async()=>0,"terminate")}}n(fe,"inlineWriter");function de(i,s){let f=q(i,200);return s.op==="open"?new S(`cannot create ${f} while unpacking (${s.code}); nothing was written`,{code:s.code==="EEXIST"?"duplicate_entry":"unwritable"}):new S(`cannot write ${f} while unpacking (${s.code}); check the free space and permissions of the destination; nothing was written`,{code:"unwritable"})}n(de,"failure");var ae=2;function H(i,s){if(s===1)return 0;let f=0;for(let p=0;p<i.length;p++)f=f*31+i.charCodeAt(p)|0;return(f>>>0)%s}n(H,"writerIndex");function*ue(i){for(let s=i;s!=="";s=s.includes("/")?s.slice(0,s.lastIndexOf("/")):"")yield s}n(ue,"foldersUp");function he(i,s=Number.POSITIVE_INFINITY){let f=s<oe,u=Array.from({length:f||i===null?1:ae},()=>({worker:void 0,slab:void 0,used:0,pieces:[],flushQueued:!1,slabsOut:0,made:new Set})),m=1,o,F=[],L=0,g=new Map,O=[],G=n(()=>u.reduce((e,r)=>e+r.slabsOut,0),"slabsOut"),M=n(()=>{for(let e of O.splice(0))e()},"wake"),x=n(e=>{if(!o){o=new S(`the file writer stopped (${e.message}); nothing was written`,{code:"unwritable",cause:e});for(let r of g.values())r.reject(o);g.clear();for(let r of u)r.slabsOut=0;M()}},"die"),R=n((e,{slab:r,replies:t})=>{r&&F.push(r),e.slabsOut-=1;for(let c of t){let a=g.get(c.id);a&&(g.delete(c.id),c.error?a.reject(de(a.path,c.error)):a.resolve({sha256:c.sha256,size:c.size}))}e.slabsOut===0&&e.worker?.unref(),M()},"onMessage"),T=n(e=>{if(e.worker)return e.worker;if(f)return e.worker=fe(t=>R(e,t),x),e.worker;let r=new N.Worker(Y,{eval:!0});return r.on("message",t=>R(e,t)),r.on("error",x),r.on("exit",t=>{e.slabsOut>0&&x(new Error(`exit code ${t}`))}),e.worker=r,r},"start"),A=n(e=>{if(e.pieces.length===0)return;let r=T(e);r.ref(),e.slabsOut+=1;let t=e.slab?e.slab.buffer:null;r.postMessage({slab:t,pieces:e.pieces},t?[t]:[]),e.slab=void 0,e.used=0,e.pieces=[]},"flush"),K=n(e=>{e.flushQueued||(e.flushQueued=!0,setImmediate(()=>{e.flushQueued=!1,A(e)}))},"queueFlush"),V=n(async e=>{for(;;){if(o)throw o;if(e.slab&&e.used<e.slab.byteLength)return e.slab;e.slab&&A(e);let r=F.pop();if(!r&&L<ie&&(L+=1,r=new ArrayBuffer(se)),r)return e.slab=new Uint8Array(r),e.used=0,e.slab;await new Promise(t=>O.push(t))}},"room"),b=n((e,r)=>{if(o)throw o;e.pieces.push(r),K(e)},"add"),z=n((e,r)=>{if(!(i===null||r===""||e.made.has(r))){for(let t of ue(r)){if(e.made.has(t))break;e.made.add(t)}return(0,I.join)(i,r)}},"folderToMake"),B=n(async(e,r,t,c)=>{if(o)throw o;let a=m++,y=new Promise((h,w)=>g.set(a,{path:e,resolve:h,reject:w}));y.catch(()=>{});let _=e.lastIndexOf("/")>0?e.slice(0,e.lastIndexOf("/")):"",d=u[H(_,u.length)],E={id:a,target:i===null?null:(0,I.join)(i,e),mode:r&73?493:420,mtime:t,off:0,len:0,end:!1},W=z(d,_);W&&(E.dir=W);let k=!0,l;try{for await(let h of c){let w=0;for(;w<h.length;){let j=await V(d);(!l||d.pieces[d.pieces.length-1]!==l||l.off+l.len!==d.used)&&(l=k?{...E,off:d.used,len:0}:{id:a,off:d.used,len:0,end:!1},k=!1,b(d,l));let v=Math.min(j.byteLength-d.used,h.length-w);j.set(h.subarray(w,w+v),d.used),d.used+=v,l.len+=v,w+=v}}}catch(h){throw c.resume(),g.delete(a),k||b(d,{id:a,off:0,len:0,end:!0}),h}return l&&d.pieces[d.pieces.length-1]===l?l.end=!0:b(d,k?{...E,off:0,len:0,end:!0}:{id:a,off:0,len:0,end:!0}),{digest:y}},"startFile");if(i!==null)for(let e of u)T(e).unref();return{startFile:B,async writeFile(e,r,t,c,a){let{digest:y}=await B(e,r,t,c,a);return y},async mkdir(e){if(i===null||e==="")return;let r=u[H(e,u.length)],t=z(r,e);t&&b(r,{id:0,dir:t,off:0,len:0,end:!1})},async close(){for(let r of u)A(r);for(;G()>0&&!o;)await new Promise(r=>O.push(r));let e=u.map(r=>r.worker);for(let r of u)r.worker=void 0;await Promise.all(e.map(r=>r?.terminate()))}}}n(he,"threadedSink");export{C as a,he as b};
