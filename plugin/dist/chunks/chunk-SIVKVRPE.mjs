#!/usr/bin/env node
const require = typeof process.getBuiltinModule === 'function' ? (id) => process.getBuiltinModule(id) ?? (() => { throw Object.assign(new Error("Cannot find module '" + id + "'"), { code: 'MODULE_NOT_FOUND' }); })() : (await import('node:module')).createRequire(import.meta.url);
import{j as K}from"./chunk-TVPHC47B.mjs";import{a as G}from"./chunk-TD3GEFHN.mjs";import{f as H}from"./chunk-AZ43AX2W.mjs";import{a as Y}from"./chunk-Q25TGAUD.mjs";import{a as de}from"./chunk-QP64SNB7.mjs";import{a as M,g as Q}from"./chunk-R4TOT6VD.mjs";import{a as n,b as ce,c as ae,d as O}from"./chunk-IDPOGZEX.mjs";var ee=ae((Ae,Z)=>{var V,X=n(function(){return V||(V=ce("node:worker_threads"))},"load"),J=new Proxy({},{get:n(function(s,t,o){var d=X();return Object.getPrototypeOf(o)===J&&Object.setPrototypeOf(o,d),d[t]},"get"),has:n(function(s,t){return t in X()},"has")});Z.exports=Object.create(J)});var m=O(Y(),1),T=O(G(),1);var ue=2048;function Ee(s){try{(0,m.rmSync)(s,{recursive:!0,force:!0});return}catch(u){if(Q(u)!=="ENAMETOOLONG")throw u}let t=0,o=n(u=>{if(Buffer.byteLength(u)<=ue)return u;let f=(0,T.join)(s,`.deep-${t++}`);for(;(0,m.existsSync)(f);)f=(0,T.join)(s,`.deep-${t++}`);return(0,m.renameSync)(u,f),f},"shortened"),d=[s];for(;d.length>0;){let u=d[d.length-1],f=[];for(let p of(0,m.readdirSync)(u,{withFileTypes:!0})){let c=(0,T.join)(u,p.name);p.isDirectory()?f.push(c):(0,m.unlinkSync)(c)}if(f.length===0)(0,m.rmdirSync)(u),d.pop();else for(let p of f)d.push(o(p))}}n(Ee,"removeTree");var le=O(de(),1),pe=O(Y(),1),ne=O(ee(),1),N=O(G(),1);var me=1024*1024,he=6,we=4*1024*1024,te=`
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
`;function ge(s,t){let o,u={"node:worker_threads":{parentPort:{on:n((f,p)=>{o=p},"on"),postMessage:n(f=>s(f),"postMessage")}},"node:fs":pe,"node:crypto":le};return new Function("require",te)(f=>u[f]),{postMessage:n(f=>setImmediate(()=>{try{o?.(f)}catch(p){t(p instanceof Error?p:new Error(String(p)))}}),"postMessage"),ref:n(()=>{},"ref"),unref:n(()=>{},"unref"),terminate:n(async()=>0,"terminate")}}n(ge,"inlineWriter");function be(s,t){let o=H(s,200);return t.code==="ENAMETOOLONG"?K(o):t.op==="open"?new M(`cannot create ${o} while unpacking (${t.code}); nothing was written`,{code:t.code==="EEXIST"?"duplicate_entry":"unwritable"}):new M(`cannot write ${o} while unpacking (${t.code}); check the free space and permissions of the destination; nothing was written`,{code:"unwritable"})}n(be,"failure");var ye=2,ke=64,Se=.25;function re(s,t){if(t===1)return 0;let o=0;for(let d=0;d<s.length;d++)o=o*31+s.charCodeAt(d)|0;return(o>>>0)%t}n(re,"writerIndex");function*ve(s){for(let t=s;t!=="";t=t.includes("/")?t.slice(0,t.lastIndexOf("/")):"")yield t}n(ve,"foldersUp");function Fe(s,t=Number.POSITIVE_INFINITY,o={}){let d=o.slowCreateMs??Se,u=t<we,f=u||s===null?1:ye,p=n(()=>({worker:void 0,slab:void 0,used:0,pieces:[],flushQueued:!1,slabsOut:0,made:new Set}),"newLane"),c=[p()],se=1,h,z=[],W=0,S=new Map,I=[],ie=n(()=>c.reduce((e,r)=>e+r.slabsOut,0),"slabsOut"),j=n(()=>{for(let e of I.splice(0))e()},"wake"),F=n(e=>{if(!h){h=new M(`the file writer stopped (${e.message}); nothing was written`,{code:"unwritable",cause:e});for(let r of S.values())r.reject(h);S.clear();for(let r of c)r.slabsOut=0;j()}},"die"),$=n((e,{slab:r,replies:i,created:b,createMs:w})=>{if(r&&z.push(r),e.slabsOut-=1,c.length<f&&b>=ke&&w/b>d){let l=p();c.push(l),_(l).unref()}for(let l of i){let k=S.get(l.id);k&&(S.delete(l.id),l.error?k.reject(be(k.path,l.error)):k.resolve({sha256:l.sha256,size:l.size}))}e.slabsOut===0&&e.worker?.unref(),j()},"onMessage"),_=n(e=>{if(e.worker)return e.worker;if(u)return e.worker=ge(i=>$(e,i),F),e.worker;let r=new ne.Worker(te,{eval:!0});return r.on("message",i=>$(e,i)),r.on("error",F),r.on("exit",i=>{e.slabsOut>0&&F(new Error(`exit code ${i}`))}),e.worker=r,r},"start"),B=n(e=>{if(e.pieces.length===0)return;let r=_(e);r.ref(),e.slabsOut+=1;let i=e.slab?e.slab.buffer:null;r.postMessage({slab:i,pieces:e.pieces},i?[i]:[]),e.slab=void 0,e.used=0,e.pieces=[]},"flush"),oe=n(e=>{e.flushQueued||(e.flushQueued=!0,setImmediate(()=>{e.flushQueued=!1,B(e)}))},"queueFlush"),C=n(e=>{if(h)throw h;if(e.slab&&e.used<e.slab.byteLength)return e.slab;e.slab&&B(e);let r=z.pop();if(!r&&W<he&&(W+=1,r=new ArrayBuffer(me)),!!r)return e.slab=new Uint8Array(r),e.used=0,e.slab},"roomNow"),fe=n(async e=>{for(;;){let r=C(e);if(r)return r;await new Promise(i=>I.push(i))}},"room"),x=n((e,r)=>{if(h)throw h;e.pieces.push(r),oe(e)},"add"),U=n((e,r)=>{if(!(s===null||r===""||e.made.has(r))){for(let i of ve(r)){if(e.made.has(i))break;e.made.add(i)}return(0,N.join)(s,r)}},"folderToMake"),q=n(async(e,r,i,b)=>{if(h)throw h;let w=se++,l=new Promise((v,y)=>S.set(w,{path:e,resolve:v,reject:y}));l.catch(()=>{});let k=e.lastIndexOf("/")>0?e.slice(0,e.lastIndexOf("/")):"",a=c[re(k,c.length)],R={id:w,target:s===null?null:(0,N.join)(s,e),mode:r&73?493:420,mtime:i,off:0,len:0,end:!1},D=U(a,k);D&&(R.dir=D);let A=!0,g;try{let v;for(;;){let y=b.takeReady?.();if(y===null)break;if(y===void 0){v??=b[Symbol.asyncIterator]();let P=await v.next();if(P.done)break;y=P.value}let E=0;for(;E<y.length;){let P=C(a)??await fe(a);(!g||a.pieces[a.pieces.length-1]!==g||g.off+g.len!==a.used)&&(g=A?{...R,off:a.used,len:0}:{id:w,off:a.used,len:0,end:!1},A=!1,x(a,g));let L=Math.min(P.byteLength-a.used,y.length-E);P.set(y.subarray(E,E+L),a.used),a.used+=L,g.len+=L,E+=L}}}catch(v){throw b.resume(),S.delete(w),A||x(a,{id:w,off:0,len:0,end:!0}),v}return g&&a.pieces[a.pieces.length-1]===g?g.end=!0:x(a,A?{...R,off:0,len:0,end:!0}:{id:w,off:0,len:0,end:!0}),{digest:l}},"startFile");if(s!==null)for(let e of c)_(e).unref();return{startFile:q,writers:n(()=>c.length,"writers"),async writeFile(e,r,i,b,w){let{digest:l}=await q(e,r,i,b,w);return l},async mkdir(e){if(s===null||e==="")return;let r=c[re(e,c.length)],i=U(r,e);i&&x(r,{id:0,dir:i,off:0,len:0,end:!1})},async close(){for(let r of c)B(r);for(;ie()>0&&!h;)await new Promise(r=>I.push(r));let e=c.map(r=>r.worker);for(let r of c)r.worker=void 0;await Promise.all(e.map(r=>r?.terminate()))}}}n(Fe,"threadedSink");export{Ee as a,Fe as b};
