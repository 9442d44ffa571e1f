#!/usr/bin/env node
const require = typeof process.getBuiltinModule === 'function' ? (id) => process.getBuiltinModule(id) ?? (() => { throw Object.assign(new Error("Cannot find module '" + id + "'"), { code: 'MODULE_NOT_FOUND' }); })() : (await import('node:module')).createRequire(import.meta.url);
import{d as Q}from"./chunk-QPNC5LJL.mjs";import{a as U,b as fe}from"./chunk-LJHAKQ3I.mjs";import{a as H}from"./chunk-Q25TGAUD.mjs";import{a as A,e as N}from"./chunk-22E2XV5K.mjs";import{a as n,b as ie,c as oe,d as O}from"./chunk-IDPOGZEX.mjs";var X=oe((Ee,V)=>{var G,Y=n(function(){return G||(G=ie("node:worker_threads"))},"load"),K=new Proxy({},{get:n(function(s,t,f){var c=Y();return Object.getPrototypeOf(f)===K&&Object.setPrototypeOf(f,c),c[t]},"get"),has:n(function(s,t){return t in Y()},"has")});V.exports=Object.create(K)});var m=O(H(),1),M=O(U(),1);var ae=2048;function Se(s){try{(0,m.rmSync)(s,{recursive:!0,force:!0});return}catch(d){if(N(d)!=="ENAMETOOLONG")throw d}let t=0,f=n(d=>{if(Buffer.byteLength(d)<=ae)return d;let o=(0,M.join)(s,`.deep-${t++}`);for(;(0,m.existsSync)(o);)o=(0,M.join)(s,`.deep-${t++}`);return(0,m.renameSync)(d,o),o},"shortened"),c=[s];for(;c.length>0;){let d=c[c.length-1],o=[];for(let p of(0,m.readdirSync)(d,{withFileTypes:!0})){let a=(0,M.join)(d,p.name);p.isDirectory()?o.push(a):(0,m.unlinkSync)(a)}if(o.length===0)(0,m.rmdirSync)(d),c.pop();else for(let p of o)c.push(f(p))}}n(Se,"removeTree");var ce=O(fe(),1),de=O(H(),1),Z=O(X(),1),_=O(U(),1);var ue=1024*1024,le=6,pe=4*1024*1024,ee=`
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
`;function me(s,t){let f,d={"node:worker_threads":{parentPort:{on:n((o,p)=>{f=p},"on"),postMessage:n(o=>s(o),"postMessage")}},"node:fs":de,"node:crypto":ce};return new Function("require",ee)(o=>d[o]),{postMessage:n(o=>setImmediate(()=>{try{f?.(o)}catch(p){t(p instanceof Error?p:new Error(String(p)))}}),"postMessage"),ref:n(()=>{},"ref"),unref:n(()=>{},"unref"),terminate:n(async()=>0,"terminate")}}n(me,"inlineWriter");function he(s,t){let f=Q(s,200);return t.op==="open"?new A(`cannot create ${f} while unpacking (${t.code}); nothing was written`,{code:t.code==="EEXIST"?"duplicate_entry":"unwritable"}):new A(`cannot write ${f} while unpacking (${t.code}); check the free space and permissions of the destination; nothing was written`,{code:"unwritable"})}n(he,"failure");var we=2,ge=64,be=.25;function J(s,t){if(t===1)return 0;let f=0;for(let c=0;c<s.length;c++)f=f*31+s.charCodeAt(c)|0;return(f>>>0)%t}n(J,"writerIndex");function*ye(s){for(let t=s;t!=="";t=t.includes("/")?t.slice(0,t.lastIndexOf("/")):"")yield t}n(ye,"foldersUp");function Me(s,t=Number.POSITIVE_INFINITY,f={}){let c=f.slowCreateMs??be,d=t<pe,o=d||s===null?1:we,p=n(()=>({worker:void 0,slab:void 0,used:0,pieces:[],flushQueued:!1,slabsOut:0,made:new Set}),"newLane"),a=[p()],re=1,h,B=[],z=0,v=new Map,L=[],ne=n(()=>a.reduce((e,r)=>e+r.slabsOut,0),"slabsOut"),W=n(()=>{for(let e of L.splice(0))e()},"wake"),T=n(e=>{if(!h){h=new A(`the file writer stopped (${e.message}); nothing was written`,{code:"unwritable",cause:e});for(let r of v.values())r.reject(h);v.clear();for(let r of a)r.slabsOut=0;W()}},"die"),j=n((e,{slab:r,replies:i,created:b,createMs:w})=>{if(r&&B.push(r),e.slabsOut-=1,a.length<o&&b>=ge&&w/b>c){let l=p();a.push(l),I(l).unref()}for(let l of i){let y=v.get(l.id);y&&(v.delete(l.id),l.error?y.reject(he(y.path,l.error)):y.resolve({sha256:l.sha256,size:l.size}))}e.slabsOut===0&&e.worker?.unref(),W()},"onMessage"),I=n(e=>{if(e.worker)return e.worker;if(d)return e.worker=me(i=>j(e,i),T),e.worker;let r=new Z.Worker(ee,{eval:!0});return r.on("message",i=>j(e,i)),r.on("error",T),r.on("exit",i=>{e.slabsOut>0&&T(new Error(`exit code ${i}`))}),e.worker=r,r},"start"),F=n(e=>{if(e.pieces.length===0)return;let r=I(e);r.ref(),e.slabsOut+=1;let i=e.slab?e.slab.buffer:null;r.postMessage({slab:i,pieces:e.pieces},i?[i]:[]),e.slab=void 0,e.used=0,e.pieces=[]},"flush"),te=n(e=>{e.flushQueued||(e.flushQueued=!0,setImmediate(()=>{e.flushQueued=!1,F(e)}))},"queueFlush"),se=n(async e=>{for(;;){if(h)throw h;if(e.slab&&e.used<e.slab.byteLength)return e.slab;e.slab&&F(e);let r=B.pop();if(!r&&z<le&&(z+=1,r=new ArrayBuffer(ue)),r)return e.slab=new Uint8Array(r),e.used=0,e.slab;await new Promise(i=>L.push(i))}},"room"),E=n((e,r)=>{if(h)throw h;e.pieces.push(r),te(e)},"add"),$=n((e,r)=>{if(!(s===null||r===""||e.made.has(r))){for(let i of ye(r)){if(e.made.has(i))break;e.made.add(i)}return(0,_.join)(s,r)}},"folderToMake"),C=n(async(e,r,i,b)=>{if(h)throw h;let w=re++,l=new Promise((k,S)=>v.set(w,{path:e,resolve:k,reject:S}));l.catch(()=>{});let y=e.lastIndexOf("/")>0?e.slice(0,e.lastIndexOf("/")):"",u=a[J(y,a.length)],R={id:w,target:s===null?null:(0,_.join)(s,e),mode:r&73?493:420,mtime:i,off:0,len:0,end:!1},q=$(u,y);q&&(R.dir=q);let P=!0,g;try{for await(let k of b){let S=0;for(;S<k.length;){let D=await se(u);(!g||u.pieces[u.pieces.length-1]!==g||g.off+g.len!==u.used)&&(g=P?{...R,off:u.used,len:0}:{id:w,off:u.used,len:0,end:!1},P=!1,E(u,g));let x=Math.min(D.byteLength-u.used,k.length-S);D.set(k.subarray(S,S+x),u.used),u.used+=x,g.len+=x,S+=x}}}catch(k){throw b.resume(),v.delete(w),P||E(u,{id:w,off:0,len:0,end:!0}),k}return g&&u.pieces[u.pieces.length-1]===g?g.end=!0:E(u,P?{...R,off:0,len:0,end:!0}:{id:w,off:0,len:0,end:!0}),{digest:l}},"startFile");if(s!==null)for(let e of a)I(e).unref();return{startFile:C,writers:n(()=>a.length,"writers"),async writeFile(e,r,i,b,w){let{digest:l}=await C(e,r,i,b,w);return l},async mkdir(e){if(s===null||e==="")return;let r=a[J(e,a.length)],i=$(r,e);i&&E(r,{id:0,dir:i,off:0,len:0,end:!1})},async close(){for(let r of a)F(r);for(;ne()>0&&!h;)await new Promise(r=>L.push(r));let e=a.map(r=>r.worker);for(let r of a)r.worker=void 0;await Promise.all(e.map(r=>r?.terminate()))}}}n(Me,"threadedSink");export{Se as a,Me as b};
