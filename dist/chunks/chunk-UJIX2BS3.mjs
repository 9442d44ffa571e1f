#!/usr/bin/env node
const require = typeof process.getBuiltinModule === 'function' ? (id) => process.getBuiltinModule(id) ?? (() => { throw Object.assign(new Error("Cannot find module '" + id + "'"), { code: 'MODULE_NOT_FOUND' }); })() : (await import('node:module')).createRequire(import.meta.url);
import{m as $}from"./chunk-ORGZSAI6.mjs";import{a as se}from"./chunk-TD3GEFHN.mjs";import{f as C}from"./chunk-RO2LZNF5.mjs";import{a as ie}from"./chunk-Q25TGAUD.mjs";import{a as oe}from"./chunk-QP64SNB7.mjs";import{a as A}from"./chunk-R4TOT6VD.mjs";import{a as t,b as te,c as ne,d as x}from"./chunk-IDPOGZEX.mjs";var Y=ne((ye,G)=>{var D,Q=t(function(){return D||(D=te("node:worker_threads"))},"load"),H=new Proxy({},{get:t(function(i,n,f){var p=Q();return Object.getPrototypeOf(f)===H&&Object.setPrototypeOf(f,p),p[n]},"get"),has:t(function(i,n){return n in Q()},"has")});G.exports=Object.create(H)});var fe=x(oe(),1),ae=x(ie(),1),K=x(Y(),1),R=x(se(),1);var de=1024*1024,ce=6,ue=4*1024*1024,V=`
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
`;function le(i,n){let f,E={"node:worker_threads":{parentPort:{on:t((m,h)=>{f=h},"on"),postMessage:t(m=>i(m),"postMessage")}},"node:fs":ae,"node:crypto":fe};return new Function("require",V)(m=>E[m]),{postMessage:t(m=>setImmediate(()=>{try{f?.(m)}catch(h){n(h instanceof Error?h:new Error(String(h)))}}),"postMessage"),ref:t(()=>{},"ref"),unref:t(()=>{},"unref"),terminate:t(async()=>0,"terminate")}}t(le,"inlineWriter");function pe(i,n){let f=C(i,200);return n.code==="ENAMETOOLONG"?$(f):n.op==="open"?new A(`cannot create ${f} while unpacking (${n.code}); nothing was written`,{code:n.code==="EEXIST"?"duplicate_entry":"unwritable"}):new A(`cannot write ${f} while unpacking (${n.code}); check the free space and permissions of the destination; nothing was written`,{code:"unwritable"})}t(pe,"failure");var me=2,he=64,we=.25;function ge(i,n){if(n===1)return 0;let f=0;for(let p=0;p<i.length;p++)f=f*31+i.charCodeAt(p)|0;return(f>>>0)%n}t(ge,"writerIndex");function*be(i){for(let n=i;n!=="";n=n.includes("/")?n.slice(0,n.lastIndexOf("/")):"")yield n}t(be,"foldersUp");function Oe(i,n=Number.POSITIVE_INFINITY,f={}){let p=f.slowCreateMs??we,E=n<ue,m=E||i===null?1:me,h=t(()=>({worker:void 0,slab:void 0,used:0,pieces:[],flushQueued:!1,slabsOut:0,made:new Set}),"newLane"),d=[h()],X=1,c,B=[],z=0,y=new Map,L=[],J=t(()=>d.reduce((e,r)=>e+r.slabsOut,0),"slabsOut"),W=t(()=>{for(let e of L.splice(0))e()},"wake"),M=t(e=>{if(!c){c=new A(`the file writer stopped (${e.message}); nothing was written`,{code:"unwritable",cause:e});for(let r of y.values())r.reject(c);y.clear();for(let r of d)r.slabsOut=0;W()}},"die"),N=t((e,{slab:r,replies:s,created:w,createMs:u})=>{if(r&&B.push(r),e.slabsOut-=1,d.length<m&&w>=he&&u/w>p){let a=h();d.push(a),I(a).unref()}for(let a of s){let b=y.get(a.id);b&&(y.delete(a.id),a.error?b.reject(pe(b.path,a.error)):b.resolve({sha256:a.sha256,size:a.size}))}e.slabsOut===0&&e.worker?.unref(),W()},"onMessage"),I=t(e=>{if(e.worker)return e.worker;if(E)return e.worker=le(s=>N(e,s),M),e.worker;let r=new K.Worker(V,{eval:!0});return r.on("message",s=>N(e,s)),r.on("error",M),r.on("exit",s=>{e.slabsOut>0&&M(new Error(`exit code ${s}`))}),e.worker=r,r},"start"),F=t(e=>{if(e.pieces.length===0)return;let r=I(e);r.ref(),e.slabsOut+=1;let s=e.slab?e.slab.buffer:null;r.postMessage({slab:s,pieces:e.pieces},s?[s]:[]),e.slab=void 0,e.used=0,e.pieces=[]},"flush"),Z=t(e=>{e.flushQueued||(e.flushQueued=!0,setImmediate(()=>{e.flushQueued=!1,F(e)}))},"queueFlush"),j=t(e=>{if(c)throw c;if(e.slab&&e.used<e.slab.byteLength)return e.slab;e.slab&&F(e);let r=B.pop();if(!r&&z<ce&&(z+=1,r=new ArrayBuffer(de)),!!r)return e.slab=new Uint8Array(r),e.used=0,e.slab},"roomNow"),ee=t(async e=>{for(;;){let r=j(e);if(r)return r;await new Promise(s=>L.push(s))}},"room"),T=t((e,r)=>{if(c)throw c;e.pieces.push(r),Z(e)},"add"),re=t((e,r)=>{if(!(i===null||r===""||e.made.has(r))){for(let s of be(r)){if(e.made.has(s))break;e.made.add(s)}return(0,R.join)(i,r)}},"folderToMake"),U=t(async(e,r,s,w)=>{if(c)throw c;let u=X++,a=new Promise((k,g)=>y.set(u,{path:e,resolve:k,reject:g}));a.catch(()=>{});let b=e.lastIndexOf("/")>0?e.slice(0,e.lastIndexOf("/")):"",o=d[ge(b,d.length)],_={id:u,target:i===null?null:(0,R.join)(i,e),mode:r&73?493:420,mtime:s,off:0,len:0,end:!1},q=re(o,b);q&&(_.dir=q);let O=!0,l;try{let k;for(;;){let g=w.takeReady?.();if(g===null)break;if(g===void 0){k??=w[Symbol.asyncIterator]();let v=await k.next();if(v.done)break;g=v.value}let S=0;for(;S<g.length;){let v=j(o)??await ee(o);(!l||o.pieces[o.pieces.length-1]!==l||l.off+l.len!==o.used)&&(l=O?{..._,off:o.used,len:0}:{id:u,off:o.used,len:0,end:!1},O=!1,T(o,l));let P=Math.min(v.byteLength-o.used,g.length-S);v.set(g.subarray(S,S+P),o.used),o.used+=P,l.len+=P,S+=P}}}catch(k){throw w.resume(),y.delete(u),O||T(o,{id:u,off:0,len:0,end:!0}),k}return l&&o.pieces[o.pieces.length-1]===l?l.end=!0:T(o,O?{..._,off:0,len:0,end:!0}:{id:u,off:0,len:0,end:!0}),{digest:a}},"startFile");if(i!==null)for(let e of d)I(e).unref();return{startFile:U,writers:t(()=>d.length,"writers"),async writeFile(e,r,s,w,u){let{digest:a}=await U(e,r,s,w,u);return a},async close(){for(let r of d)F(r);for(;J()>0&&!c;)await new Promise(r=>L.push(r));let e=d.map(r=>r.worker);for(let r of d)r.worker=void 0;await Promise.all(e.map(r=>r?.terminate()))}}}t(Oe,"threadedSink");export{Oe as a};
