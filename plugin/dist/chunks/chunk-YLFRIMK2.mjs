#!/usr/bin/env node
const require = typeof process.getBuiltinModule === 'function' ? (id) => process.getBuiltinModule(id) ?? (() => { throw Object.assign(new Error("Cannot find module '" + id + "'"), { code: 'MODULE_NOT_FOUND' }); })() : (await import('node:module')).createRequire(import.meta.url);
import{m as D}from"./chunk-2SQLZCCN.mjs";import{a as ne}from"./chunk-O4AR3DY2.mjs";import{f as $}from"./chunk-ZCZ2YSNP.mjs";import{a as te}from"./chunk-BB3JRKKR.mjs";import{a as se}from"./chunk-LK5J5IDF.mjs";import{a as L}from"./chunk-R4TOT6VD.mjs";import{a as re}from"./chunk-UB5XQDZL.mjs";import{a as n,b as Z,c as ee,d as A}from"./chunk-IDPOGZEX.mjs";var j=ee((ge,Q)=>{Q.exports=re()(function(){return Z("node:worker_threads")})});var ie=A(se(),1),oe=A(te(),1),H=A(j(),1),B=A(ne(),1);var fe=1024*1024,ae=6,de=4*1024*1024,G=`
const { parentPort } = require('node:worker_threads');
const fs = require('node:fs');
const { createHash } = require('node:crypto');
const open = new Map();
let created = 0;
let createMs = 0;
function fail(f, op, e) {
  f.error = { op, code: (e && e.code) || 'EIO' };
  if (f.fd !== undefined) { try { fs.closeSync(f.fd); } catch {} f.fd = undefined; }
}
function piece(slab, p, replies) {
  let f = open.get(p.id);
  if (!f) {
    f = { hash: createHash('sha256'), size: 0, mtime: p.mtime };
    open.set(p.id, f);
    if (p.target !== null) {
      if (p.dir !== undefined) { try { fs.mkdirSync(p.dir, { recursive: true }); } catch (e) { fail(f, 'mkdir', e); } }
      if (!f.error) {
        const t0 = process.hrtime.bigint(); // not performance.now(): its first use loads perf_hooks
        try { f.fd = fs.openSync(p.target, 'wx', p.mode); } catch (e) { fail(f, 'open', e); }
        created += 1;
        createMs += Number(process.hrtime.bigint() - t0) / 1e6;
      }
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
  parentPort.postMessage({ slab, replies, created, createMs }, slab ? [slab] : []);
});
`;function ce(o,s){let a,v={"node:worker_threads":{parentPort:{on:n((p,m)=>{a=m},"on"),postMessage:n(p=>o(p),"postMessage")}},"node:fs":oe,"node:crypto":ie};return new Function("require",G)(p=>v[p]),{postMessage:n(p=>setImmediate(()=>{try{a?.(p)}catch(m){s(m instanceof Error?m:new Error(String(m)))}}),"postMessage"),ref:n(()=>{},"ref"),unref:n(()=>{},"unref"),terminate:n(async()=>0,"terminate")}}n(ce,"inlineWriter");function ue(o,s){let a=$(o,200);return s.code==="ENAMETOOLONG"?D(a):s.op==="open"?new L(`cannot create ${a} while unpacking (${s.code}); nothing was written`,{code:s.code==="EEXIST"?"duplicate_entry":"unwritable"}):new L(`cannot write ${a} while unpacking (${s.code}); check the free space and permissions of the destination; nothing was written`,{code:"unwritable"})}n(ue,"failure");var le=2,pe=64,me=.25;function he(o,s){if(s===1)return 0;let a=0;for(let b=0;b<o.length;b++)a=a*31+o.charCodeAt(b)|0;return(a>>>0)%s}n(he,"writerIndex");function*we(o){for(let s=o;s!=="";s=s.includes("/")?s.slice(0,s.lastIndexOf("/")):"")yield s}n(we,"foldersUp");function Se(o,s=Number.POSITIVE_INFINITY,a={}){let b=a.slowCreateMs??me,v=s<de,p=v||o===null?1:le,m=n(()=>({worker:void 0,slab:void 0,used:0,pieces:[],flushQueued:!1,slabsOut:0,made:new Set}),"newLane"),d=[m()],Y=1,c,_=[],W=0,y=new Map,M=[],K=n(()=>d.reduce((e,r)=>e+r.slabsOut,0),"slabsOut"),z=n(()=>{for(let e of M.splice(0))e()},"wake"),O=n(e=>{if(!c){c=new L(`the file writer stopped (${e.message}); nothing was written`,{code:"unwritable",cause:e});for(let r of y.values())r.reject(c);y.clear();for(let r of d)r.slabsOut=0;z()}},"die"),N=n((e,{slab:r,replies:t,created:h,createMs:u})=>{if(r&&_.push(r),e.slabsOut-=1,d.length<p&&h>=pe&&u/h>b){let f=m();d.push(f),I(f).unref()}for(let f of t){let g=y.get(f.id);g&&(y.delete(f.id),f.error?g.reject(ue(g.path,f.error)):g.resolve({sha256:f.sha256,size:f.size}))}e.slabsOut===0&&e.worker?.unref(),z()},"onMessage"),I=n(e=>{if(e.worker)return e.worker;if(v)return e.worker=ce(t=>N(e,t),O),e.worker;let r=new H.Worker(G,{eval:!0});return r.on("message",t=>N(e,t)),r.on("error",O),r.on("exit",t=>{e.slabsOut>0&&O(new Error(`exit code ${t}`))}),e.worker=r,r},"start"),F=n(e=>{if(e.pieces.length===0)return;let r=I(e);r.ref(),e.slabsOut+=1;let t=e.slab?e.slab.buffer:null;r.postMessage({slab:t,pieces:e.pieces},t?[t]:[]),e.slab=void 0,e.used=0,e.pieces=[]},"flush"),V=n(e=>{e.flushQueued||(e.flushQueued=!0,setImmediate(()=>{e.flushQueued=!1,F(e)}))},"queueFlush"),q=n(e=>{if(c)throw c;if(e.slab&&e.used<e.slab.byteLength)return e.slab;e.slab&&F(e);let r=_.pop();if(!r&&W<ae&&(W+=1,r=new ArrayBuffer(fe)),!!r)return e.slab=new Uint8Array(r),e.used=0,e.slab},"roomNow"),X=n(async e=>{for(;;){let r=q(e);if(r)return r;await new Promise(t=>M.push(t))}},"room"),T=n((e,r)=>{if(c)throw c;e.pieces.push(r),V(e)},"add"),J=n((e,r)=>{if(!(o===null||r===""||e.made.has(r))){for(let t of we(r)){if(e.made.has(t))break;e.made.add(t)}return(0,B.join)(o,r)}},"folderToMake"),U=n(async(e,r,t,h)=>{if(c)throw c;let u=Y++,f=new Promise((k,w)=>y.set(u,{path:e,resolve:k,reject:w}));f.catch(()=>{});let g=e.lastIndexOf("/")>0?e.slice(0,e.lastIndexOf("/")):"",i=d[he(g,d.length)],R={id:u,target:o===null?null:(0,B.join)(o,e),mode:r&73?493:420,mtime:t,off:0,len:0,end:!1},C=J(i,g);C&&(R.dir=C);let P=!0,l;try{let k;for(;;){let w=h.takeReady?.();if(w===null)break;if(w===void 0){k??=h[Symbol.asyncIterator]();let E=await k.next();if(E.done)break;w=E.value}let S=0;for(;S<w.length;){let E=q(i)??await X(i);(!l||i.pieces[i.pieces.length-1]!==l||l.off+l.len!==i.used)&&(l=P?{...R,off:i.used,len:0}:{id:u,off:i.used,len:0,end:!1},P=!1,T(i,l));let x=Math.min(E.byteLength-i.used,w.length-S);E.set(w.subarray(S,S+x),i.used),i.used+=x,l.len+=x,S+=x}}}catch(k){throw h.resume(),y.delete(u),P||T(i,{id:u,off:0,len:0,end:!0}),k}return l&&i.pieces[i.pieces.length-1]===l?l.end=!0:T(i,P?{...R,off:0,len:0,end:!0}:{id:u,off:0,len:0,end:!0}),{digest:f}},"startFile");if(o!==null)for(let e of d)I(e).unref();return{startFile:U,writers:n(()=>d.length,"writers"),async writeFile(e,r,t,h,u){let{digest:f}=await U(e,r,t,h,u);return f},async close(){for(let r of d)F(r);for(;K()>0&&!c;)await new Promise(r=>M.push(r));let e=d.map(r=>r.worker);for(let r of d)r.worker=void 0;await Promise.all(e.map(r=>r?.terminate()))}}}n(Se,"threadedSink");export{Se as a};
