#!/usr/bin/env node
const require = typeof process.getBuiltinModule === 'function' ? (id) => process.getBuiltinModule(id) ?? (() => { throw Object.assign(new Error("Cannot find module '" + id + "'"), { code: 'MODULE_NOT_FOUND' }); })() : (await import('node:module')).createRequire(import.meta.url);
import{n as D}from"./chunk-A53IGAVV.mjs";import{a as ie}from"./chunk-TD3GEFHN.mjs";import{f as $}from"./chunk-RO2LZNF5.mjs";import{a as oe}from"./chunk-Q25TGAUD.mjs";import{a as fe}from"./chunk-QP64SNB7.mjs";import{a as L}from"./chunk-R4TOT6VD.mjs";import{a as n,b as te,c as se,d as A}from"./chunk-IDPOGZEX.mjs";var K=se((ye,Y)=>{var Q,H=n(function(){return Q||(Q=te("node:worker_threads"))},"load"),G=new Proxy({},{get:n(function(i,t,f){var p=H();return Object.getPrototypeOf(f)===G&&Object.setPrototypeOf(f,p),p[t]},"get"),has:n(function(i,t){return t in H()},"has")});Y.exports=Object.create(G)});var ae=A(fe(),1),de=A(oe(),1),X=A(K(),1),R=A(ie(),1);var ce=1024*1024,ue=6,le=4*1024*1024,J=`
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
`;function pe(i,t){let f,E={"node:worker_threads":{parentPort:{on:n((m,h)=>{f=h},"on"),postMessage:n(m=>i(m),"postMessage")}},"node:fs":de,"node:crypto":ae};return new Function("require",J)(m=>E[m]),{postMessage:n(m=>setImmediate(()=>{try{f?.(m)}catch(h){t(h instanceof Error?h:new Error(String(h)))}}),"postMessage"),ref:n(()=>{},"ref"),unref:n(()=>{},"unref"),terminate:n(async()=>0,"terminate")}}n(pe,"inlineWriter");function me(i,t){let f=$(i,200);return t.code==="ENAMETOOLONG"?D(f):t.op==="open"?new L(`cannot create ${f} while unpacking (${t.code}); nothing was written`,{code:t.code==="EEXIST"?"duplicate_entry":"unwritable"}):new L(`cannot write ${f} while unpacking (${t.code}); check the free space and permissions of the destination; nothing was written`,{code:"unwritable"})}n(me,"failure");var he=2,we=64,ge=.25;function V(i,t){if(t===1)return 0;let f=0;for(let p=0;p<i.length;p++)f=f*31+i.charCodeAt(p)|0;return(f>>>0)%t}n(V,"writerIndex");function*be(i){for(let t=i;t!=="";t=t.includes("/")?t.slice(0,t.lastIndexOf("/")):"")yield t}n(be,"foldersUp");function Oe(i,t=Number.POSITIVE_INFINITY,f={}){let p=f.slowCreateMs??ge,E=t<le,m=E||i===null?1:he,h=n(()=>({worker:void 0,slab:void 0,used:0,pieces:[],flushQueued:!1,slabsOut:0,made:new Set}),"newLane"),d=[h()],Z=1,c,B=[],z=0,y=new Map,M=[],ee=n(()=>d.reduce((e,r)=>e+r.slabsOut,0),"slabsOut"),W=n(()=>{for(let e of M.splice(0))e()},"wake"),I=n(e=>{if(!c){c=new L(`the file writer stopped (${e.message}); nothing was written`,{code:"unwritable",cause:e});for(let r of y.values())r.reject(c);y.clear();for(let r of d)r.slabsOut=0;W()}},"die"),N=n((e,{slab:r,replies:s,created:w,createMs:u})=>{if(r&&B.push(r),e.slabsOut-=1,d.length<m&&w>=we&&u/w>p){let a=h();d.push(a),F(a).unref()}for(let a of s){let b=y.get(a.id);b&&(y.delete(a.id),a.error?b.reject(me(b.path,a.error)):b.resolve({sha256:a.sha256,size:a.size}))}e.slabsOut===0&&e.worker?.unref(),W()},"onMessage"),F=n(e=>{if(e.worker)return e.worker;if(E)return e.worker=pe(s=>N(e,s),I),e.worker;let r=new X.Worker(J,{eval:!0});return r.on("message",s=>N(e,s)),r.on("error",I),r.on("exit",s=>{e.slabsOut>0&&I(new Error(`exit code ${s}`))}),e.worker=r,r},"start"),T=n(e=>{if(e.pieces.length===0)return;let r=F(e);r.ref(),e.slabsOut+=1;let s=e.slab?e.slab.buffer:null;r.postMessage({slab:s,pieces:e.pieces},s?[s]:[]),e.slab=void 0,e.used=0,e.pieces=[]},"flush"),re=n(e=>{e.flushQueued||(e.flushQueued=!0,setImmediate(()=>{e.flushQueued=!1,T(e)}))},"queueFlush"),j=n(e=>{if(c)throw c;if(e.slab&&e.used<e.slab.byteLength)return e.slab;e.slab&&T(e);let r=B.pop();if(!r&&z<ue&&(z+=1,r=new ArrayBuffer(ce)),!!r)return e.slab=new Uint8Array(r),e.used=0,e.slab},"roomNow"),ne=n(async e=>{for(;;){let r=j(e);if(r)return r;await new Promise(s=>M.push(s))}},"room"),O=n((e,r)=>{if(c)throw c;e.pieces.push(r),re(e)},"add"),U=n((e,r)=>{if(!(i===null||r===""||e.made.has(r))){for(let s of be(r)){if(e.made.has(s))break;e.made.add(s)}return(0,R.join)(i,r)}},"folderToMake"),q=n(async(e,r,s,w)=>{if(c)throw c;let u=Z++,a=new Promise((k,g)=>y.set(u,{path:e,resolve:k,reject:g}));a.catch(()=>{});let b=e.lastIndexOf("/")>0?e.slice(0,e.lastIndexOf("/")):"",o=d[V(b,d.length)],_={id:u,target:i===null?null:(0,R.join)(i,e),mode:r&73?493:420,mtime:s,off:0,len:0,end:!1},C=U(o,b);C&&(_.dir=C);let P=!0,l;try{let k;for(;;){let g=w.takeReady?.();if(g===null)break;if(g===void 0){k??=w[Symbol.asyncIterator]();let v=await k.next();if(v.done)break;g=v.value}let S=0;for(;S<g.length;){let v=j(o)??await ne(o);(!l||o.pieces[o.pieces.length-1]!==l||l.off+l.len!==o.used)&&(l=P?{..._,off:o.used,len:0}:{id:u,off:o.used,len:0,end:!1},P=!1,O(o,l));let x=Math.min(v.byteLength-o.used,g.length-S);v.set(g.subarray(S,S+x),o.used),o.used+=x,l.len+=x,S+=x}}}catch(k){throw w.resume(),y.delete(u),P||O(o,{id:u,off:0,len:0,end:!0}),k}return l&&o.pieces[o.pieces.length-1]===l?l.end=!0:O(o,P?{..._,off:0,len:0,end:!0}:{id:u,off:0,len:0,end:!0}),{digest:a}},"startFile");if(i!==null)for(let e of d)F(e).unref();return{startFile:q,writers:n(()=>d.length,"writers"),async writeFile(e,r,s,w,u){let{digest:a}=await q(e,r,s,w,u);return a},async mkdir(e){if(i===null||e==="")return;let r=d[V(e,d.length)],s=U(r,e);s&&O(r,{id:0,dir:s,off:0,len:0,end:!1})},async close(){for(let r of d)T(r);for(;ee()>0&&!c;)await new Promise(r=>M.push(r));let e=d.map(r=>r.worker);for(let r of d)r.worker=void 0;await Promise.all(e.map(r=>r?.terminate()))}}}n(Oe,"threadedSink");export{Oe as a};
