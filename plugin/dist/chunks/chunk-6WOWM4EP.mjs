#!/usr/bin/env node
const require = typeof process.getBuiltinModule === 'function' ? (id) => process.getBuiltinModule(id) ?? (() => { throw Object.assign(new Error("Cannot find module '" + id + "'"), { code: 'MODULE_NOT_FOUND' }); })() : (await import('node:module')).createRequire(import.meta.url);
import{d as $}from"./chunk-2YJN3ACZ.mjs";import{a as ne,b as se}from"./chunk-O6U2ORB3.mjs";import{a as te}from"./chunk-RDLYP5ED.mjs";import{a as n,b as ee,c as re,d as O,e as x}from"./chunk-3LQ4RF7N.mjs";var H=re((he,N)=>{var D,Q=n(function(){return D||(D=ee("node:worker_threads"))},"load"),U=new Proxy({},{get:n(function(i,s,f){var p=Q();return Object.getPrototypeOf(f)===U&&Object.setPrototypeOf(f,p),p[s]},"get"),has:n(function(i,s){return s in Q()},"has")});N.exports=Object.create(U)});var ie=O(se(),1),oe=O(te(),1),G=O(H(),1),R=O(ne(),1);var fe=1024*1024,ae=6,de=4*1024*1024,K=`
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
      if (!f.error) {
        const t0 = performance.now();
        try { f.fd = fs.openSync(p.target, 'wx', p.mode); } catch (e) { fail(f, 'open', e); }
        created += 1;
        createMs += performance.now() - t0;
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
`;function ce(i,s){let f,S={"node:worker_threads":{parentPort:{on:n((m,w)=>{f=w},"on"),postMessage:n(m=>i(m),"postMessage")}},"node:fs":oe,"node:crypto":ie};return new Function("require",K)(m=>S[m]),{postMessage:n(m=>setImmediate(()=>{try{f?.(m)}catch(w){s(w instanceof Error?w:new Error(String(w)))}}),"postMessage"),ref:n(()=>{},"ref"),unref:n(()=>{},"unref"),terminate:n(async()=>0,"terminate")}}n(ce,"inlineWriter");function ue(i,s){let f=$(i,200);return s.op==="open"?new x(`cannot create ${f} while unpacking (${s.code}); nothing was written`,{code:s.code==="EEXIST"?"duplicate_entry":"unwritable"}):new x(`cannot write ${f} while unpacking (${s.code}); check the free space and permissions of the destination; nothing was written`,{code:"unwritable"})}n(ue,"failure");var le=2,pe=64,me=.25;function Y(i,s){if(s===1)return 0;let f=0;for(let p=0;p<i.length;p++)f=f*31+i.charCodeAt(p)|0;return(f>>>0)%s}n(Y,"writerIndex");function*we(i){for(let s=i;s!=="";s=s.includes("/")?s.slice(0,s.lastIndexOf("/")):"")yield s}n(we,"foldersUp");function ke(i,s=Number.POSITIVE_INFINITY,f={}){let p=f.slowCreateMs??me,S=s<de,m=S||i===null?1:le,w=n(()=>({worker:void 0,slab:void 0,used:0,pieces:[],flushQueued:!1,slabsOut:0,made:new Set}),"newLane"),d=[w()],V=1,c,T=[],_=0,k=new Map,A=[],X=n(()=>d.reduce((e,r)=>e+r.slabsOut,0),"slabsOut"),z=n(()=>{for(let e of A.splice(0))e()},"wake"),M=n(e=>{if(!c){c=new x(`the file writer stopped (${e.message}); nothing was written`,{code:"unwritable",cause:e});for(let r of k.values())r.reject(c);k.clear();for(let r of d)r.slabsOut=0;z()}},"die"),B=n((e,{slab:r,replies:t,created:h,createMs:u})=>{if(r&&T.push(r),e.slabsOut-=1,d.length<m&&h>=pe&&u/h>p){let a=w();d.push(a),L(a).unref()}for(let a of t){let g=k.get(a.id);g&&(k.delete(a.id),a.error?g.reject(ue(g.path,a.error)):g.resolve({sha256:a.sha256,size:a.size}))}e.slabsOut===0&&e.worker?.unref(),z()},"onMessage"),L=n(e=>{if(e.worker)return e.worker;if(S)return e.worker=ce(t=>B(e,t),M),e.worker;let r=new G.Worker(K,{eval:!0});return r.on("message",t=>B(e,t)),r.on("error",M),r.on("exit",t=>{e.slabsOut>0&&M(new Error(`exit code ${t}`))}),e.worker=r,r},"start"),I=n(e=>{if(e.pieces.length===0)return;let r=L(e);r.ref(),e.slabsOut+=1;let t=e.slab?e.slab.buffer:null;r.postMessage({slab:t,pieces:e.pieces},t?[t]:[]),e.slab=void 0,e.used=0,e.pieces=[]},"flush"),J=n(e=>{e.flushQueued||(e.flushQueued=!0,setImmediate(()=>{e.flushQueued=!1,I(e)}))},"queueFlush"),Z=n(async e=>{for(;;){if(c)throw c;if(e.slab&&e.used<e.slab.byteLength)return e.slab;e.slab&&I(e);let r=T.pop();if(!r&&_<ae&&(_+=1,r=new ArrayBuffer(fe)),r)return e.slab=new Uint8Array(r),e.used=0,e.slab;await new Promise(t=>A.push(t))}},"room"),v=n((e,r)=>{if(c)throw c;e.pieces.push(r),J(e)},"add"),W=n((e,r)=>{if(!(i===null||r===""||e.made.has(r))){for(let t of we(r)){if(e.made.has(t))break;e.made.add(t)}return(0,R.join)(i,r)}},"folderToMake"),j=n(async(e,r,t,h)=>{if(c)throw c;let u=V++,a=new Promise((b,y)=>k.set(u,{path:e,resolve:b,reject:y}));a.catch(()=>{});let g=e.lastIndexOf("/")>0?e.slice(0,e.lastIndexOf("/")):"",o=d[Y(g,d.length)],F={id:u,target:i===null?null:(0,R.join)(i,e),mode:r&73?493:420,mtime:t,off:0,len:0,end:!1},q=W(o,g);q&&(F.dir=q);let P=!0,l;try{for await(let b of h){let y=0;for(;y<b.length;){let C=await Z(o);(!l||o.pieces[o.pieces.length-1]!==l||l.off+l.len!==o.used)&&(l=P?{...F,off:o.used,len:0}:{id:u,off:o.used,len:0,end:!1},P=!1,v(o,l));let E=Math.min(C.byteLength-o.used,b.length-y);C.set(b.subarray(y,y+E),o.used),o.used+=E,l.len+=E,y+=E}}}catch(b){throw h.resume(),k.delete(u),P||v(o,{id:u,off:0,len:0,end:!0}),b}return l&&o.pieces[o.pieces.length-1]===l?l.end=!0:v(o,P?{...F,off:0,len:0,end:!0}:{id:u,off:0,len:0,end:!0}),{digest:a}},"startFile");if(i!==null)for(let e of d)L(e).unref();return{startFile:j,writers:n(()=>d.length,"writers"),async writeFile(e,r,t,h,u){let{digest:a}=await j(e,r,t,h,u);return a},async mkdir(e){if(i===null||e==="")return;let r=d[Y(e,d.length)],t=W(r,e);t&&v(r,{id:0,dir:t,off:0,len:0,end:!1})},async close(){for(let r of d)I(r);for(;X()>0&&!c;)await new Promise(r=>A.push(r));let e=d.map(r=>r.worker);for(let r of d)r.worker=void 0;await Promise.all(e.map(r=>r?.terminate()))}}}n(ke,"threadedSink");export{ke as a};
