#!/usr/bin/env node
const require = typeof process.getBuiltinModule === 'function' ? (id) => process.getBuiltinModule(id) ?? (() => { throw Object.assign(new Error("Cannot find module '" + id + "'"), { code: 'MODULE_NOT_FOUND' }); })() : (await import('node:module')).createRequire(import.meta.url);
import{i as G}from"./chunk-35FKU5GI.mjs";import{d as U}from"./chunk-OWZ6SGKG.mjs";import{a as ce}from"./chunk-TDVYXZQP.mjs";import{a as A,f as D}from"./chunk-CK6ZIJEK.mjs";import{a as Q}from"./chunk-TD3GEFHN.mjs";import{a as H}from"./chunk-Q25TGAUD.mjs";import{a as t,b as oe,c as fe,d as O}from"./chunk-IDPOGZEX.mjs";var J=fe((Pe,X)=>{var Y,K=t(function(){return Y||(Y=oe("node:worker_threads"))},"load"),V=new Proxy({},{get:t(function(s,n,o){var a=K();return Object.getPrototypeOf(o)===V&&Object.setPrototypeOf(o,a),a[n]},"get"),has:t(function(s,n){return n in K()},"has")});X.exports=Object.create(V)});var m=O(H(),1),L=O(Q(),1);var ae=2048;function ve(s){try{(0,m.rmSync)(s,{recursive:!0,force:!0});return}catch(d){if(D(d)!=="ENAMETOOLONG")throw d}let n=0,o=t(d=>{if(Buffer.byteLength(d)<=ae)return d;let f=(0,L.join)(s,`.deep-${n++}`);for(;(0,m.existsSync)(f);)f=(0,L.join)(s,`.deep-${n++}`);return(0,m.renameSync)(d,f),f},"shortened"),a=[s];for(;a.length>0;){let d=a[a.length-1],f=[];for(let p of(0,m.readdirSync)(d,{withFileTypes:!0})){let c=(0,L.join)(d,p.name);p.isDirectory()?f.push(c):(0,m.unlinkSync)(c)}if(f.length===0)(0,m.rmdirSync)(d),a.pop();else for(let p of f)a.push(o(p))}}t(ve,"removeTree");var de=O(ce(),1),ue=O(H(),1),ee=O(J(),1),B=O(Q(),1);var le=1024*1024,pe=6,me=4*1024*1024,re=`
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
`;function he(s,n){let o,d={"node:worker_threads":{parentPort:{on:t((f,p)=>{o=p},"on"),postMessage:t(f=>s(f),"postMessage")}},"node:fs":ue,"node:crypto":de};return new Function("require",re)(f=>d[f]),{postMessage:t(f=>setImmediate(()=>{try{o?.(f)}catch(p){n(p instanceof Error?p:new Error(String(p)))}}),"postMessage"),ref:t(()=>{},"ref"),unref:t(()=>{},"unref"),terminate:t(async()=>0,"terminate")}}t(he,"inlineWriter");function ge(s,n){let o=U(s,200);return n.code==="ENAMETOOLONG"?G(o):n.op==="open"?new A(`cannot create ${o} while unpacking (${n.code}); nothing was written`,{code:n.code==="EEXIST"?"duplicate_entry":"unwritable"}):new A(`cannot write ${o} while unpacking (${n.code}); check the free space and permissions of the destination; nothing was written`,{code:"unwritable"})}t(ge,"failure");var we=2,be=64,ye=.25;function Z(s,n){if(n===1)return 0;let o=0;for(let a=0;a<s.length;a++)o=o*31+s.charCodeAt(a)|0;return(o>>>0)%n}t(Z,"writerIndex");function*ke(s){for(let n=s;n!=="";n=n.includes("/")?n.slice(0,n.lastIndexOf("/")):"")yield n}t(ke,"foldersUp");function Te(s,n=Number.POSITIVE_INFINITY,o={}){let a=o.slowCreateMs??ye,d=n<me,f=d||s===null?1:we,p=t(()=>({worker:void 0,slab:void 0,used:0,pieces:[],flushQueued:!1,slabsOut:0,made:new Set}),"newLane"),c=[p()],te=1,h,R=[],z=0,v=new Map,M=[],ne=t(()=>c.reduce((e,r)=>e+r.slabsOut,0),"slabsOut"),N=t(()=>{for(let e of M.splice(0))e()},"wake"),T=t(e=>{if(!h){h=new A(`the file writer stopped (${e.message}); nothing was written`,{code:"unwritable",cause:e});for(let r of v.values())r.reject(h);v.clear();for(let r of c)r.slabsOut=0;N()}},"die"),W=t((e,{slab:r,replies:i,created:b,createMs:g})=>{if(r&&R.push(r),e.slabsOut-=1,c.length<f&&b>=be&&g/b>a){let l=p();c.push(l),F(l).unref()}for(let l of i){let y=v.get(l.id);y&&(v.delete(l.id),l.error?y.reject(ge(y.path,l.error)):y.resolve({sha256:l.sha256,size:l.size}))}e.slabsOut===0&&e.worker?.unref(),N()},"onMessage"),F=t(e=>{if(e.worker)return e.worker;if(d)return e.worker=he(i=>W(e,i),T),e.worker;let r=new ee.Worker(re,{eval:!0});return r.on("message",i=>W(e,i)),r.on("error",T),r.on("exit",i=>{e.slabsOut>0&&T(new Error(`exit code ${i}`))}),e.worker=r,r},"start"),I=t(e=>{if(e.pieces.length===0)return;let r=F(e);r.ref(),e.slabsOut+=1;let i=e.slab?e.slab.buffer:null;r.postMessage({slab:i,pieces:e.pieces},i?[i]:[]),e.slab=void 0,e.used=0,e.pieces=[]},"flush"),se=t(e=>{e.flushQueued||(e.flushQueued=!0,setImmediate(()=>{e.flushQueued=!1,I(e)}))},"queueFlush"),ie=t(async e=>{for(;;){if(h)throw h;if(e.slab&&e.used<e.slab.byteLength)return e.slab;e.slab&&I(e);let r=R.pop();if(!r&&z<pe&&(z+=1,r=new ArrayBuffer(le)),r)return e.slab=new Uint8Array(r),e.used=0,e.slab;await new Promise(i=>M.push(i))}},"room"),E=t((e,r)=>{if(h)throw h;e.pieces.push(r),se(e)},"add"),j=t((e,r)=>{if(!(s===null||r===""||e.made.has(r))){for(let i of ke(r)){if(e.made.has(i))break;e.made.add(i)}return(0,B.join)(s,r)}},"folderToMake"),$=t(async(e,r,i,b)=>{if(h)throw h;let g=te++,l=new Promise((k,S)=>v.set(g,{path:e,resolve:k,reject:S}));l.catch(()=>{});let y=e.lastIndexOf("/")>0?e.slice(0,e.lastIndexOf("/")):"",u=c[Z(y,c.length)],_={id:g,target:s===null?null:(0,B.join)(s,e),mode:r&73?493:420,mtime:i,off:0,len:0,end:!1},C=j(u,y);C&&(_.dir=C);let P=!0,w;try{for await(let k of b){let S=0;for(;S<k.length;){let q=await ie(u);(!w||u.pieces[u.pieces.length-1]!==w||w.off+w.len!==u.used)&&(w=P?{..._,off:u.used,len:0}:{id:g,off:u.used,len:0,end:!1},P=!1,E(u,w));let x=Math.min(q.byteLength-u.used,k.length-S);q.set(k.subarray(S,S+x),u.used),u.used+=x,w.len+=x,S+=x}}}catch(k){throw b.resume(),v.delete(g),P||E(u,{id:g,off:0,len:0,end:!0}),k}return w&&u.pieces[u.pieces.length-1]===w?w.end=!0:E(u,P?{..._,off:0,len:0,end:!0}:{id:g,off:0,len:0,end:!0}),{digest:l}},"startFile");if(s!==null)for(let e of c)F(e).unref();return{startFile:$,writers:t(()=>c.length,"writers"),async writeFile(e,r,i,b,g){let{digest:l}=await $(e,r,i,b,g);return l},async mkdir(e){if(s===null||e==="")return;let r=c[Z(e,c.length)],i=j(r,e);i&&E(r,{id:0,dir:i,off:0,len:0,end:!1})},async close(){for(let r of c)I(r);for(;ne()>0&&!h;)await new Promise(r=>M.push(r));let e=c.map(r=>r.worker);for(let r of c)r.worker=void 0;await Promise.all(e.map(r=>r?.terminate()))}}}t(Te,"threadedSink");export{ve as a,Te as b};
