#!/usr/bin/env node
const require = typeof process.getBuiltinModule === 'function' ? (id) => process.getBuiltinModule(id) ?? (() => { throw Object.assign(new Error("Cannot find module '" + id + "'"), { code: 'MODULE_NOT_FOUND' }); })() : (await import('node:module')).createRequire(import.meta.url);
import{j as K}from"./chunk-NOWL7I7D.mjs";import{a as V}from"./chunk-TD3GEFHN.mjs";import{f as G}from"./chunk-2POEZPK4.mjs";import{a as Y}from"./chunk-Q25TGAUD.mjs";import{a as ue}from"./chunk-QP64SNB7.mjs";import{a as T,f as H}from"./chunk-CNVYCY7I.mjs";import{a as r,b as ce,c as ae,d as x}from"./chunk-IDPOGZEX.mjs";var ne=ae((Te,ee)=>{var X,J=r(function(){return X||(X=ce("node:worker_threads"))},"load"),Z=new Proxy({},{get:r(function(s,t,i){var d=J();return Object.getPrototypeOf(i)===Z&&Object.setPrototypeOf(i,d),d[t]},"get"),has:r(function(s,t){return t in J()},"has")});ee.exports=Object.create(Z)});var g=x(Y(),1),F=x(V(),1);var le=2048;function Le(s){try{(0,g.rmSync)(s,{recursive:!0,force:!0});return}catch(f){if(H(f)!=="ENAMETOOLONG")throw f}let t=0,i=r(f=>{if(Buffer.byteLength(f)<=le)return f;let o=(0,F.join)(s,`.deep-${t++}`);for(;(0,g.existsSync)(o);)o=(0,F.join)(s,`.deep-${t++}`);return(0,g.renameSync)(f,o),o},"shortened"),d=[s];for(;d.length>0;){let f=d[d.length-1],o=[];for(let u of(0,g.readdirSync)(f,{withFileTypes:!0})){let c=(0,F.join)(f,u.name);u.isDirectory()?o.push(c):(0,g.unlinkSync)(c)}if(o.length===0)(0,g.rmdirSync)(f),d.pop();else for(let u of o)d.push(i(u))}}r(Le,"removeTree");var pe=x(ue(),1),me=x(Y(),1),te=x(ne(),1),N=x(V(),1);var ge=1024*1024,he=6,we=4*1024*1024,se=`
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
`;function be(s,t){let i,f={"node:worker_threads":{parentPort:{on:r((o,u)=>{i=u},"on"),postMessage:r(o=>s(o),"postMessage")}},"node:fs":me,"node:crypto":pe};return new Function("require",se)(o=>f[o]),{postMessage:r(o=>setImmediate(()=>{try{i?.(o)}catch(u){t(u instanceof Error?u:new Error(String(u)))}}),"postMessage"),ref:r(()=>{},"ref"),unref:r(()=>{},"unref"),terminate:r(async()=>0,"terminate")}}r(be,"inlineWriter");function ye(s,t){let i=G(s,200);return t.code==="ENAMETOOLONG"?K(i):t.op==="open"?new T(`cannot create ${i} while unpacking (${t.code}); nothing was written`,{code:t.code==="EEXIST"?"duplicate_entry":"unwritable"}):new T(`cannot write ${i} while unpacking (${t.code}); check the free space and permissions of the destination; nothing was written`,{code:"unwritable"})}r(ye,"failure");var Se=2,ke=64,ve=.25;function re(s,t){if(t===1)return 0;let i=0;for(let d=0;d<s.length;d++)i=i*31+s.charCodeAt(d)|0;return(i>>>0)%t}r(re,"writerIndex");function*Oe(s){for(let t=s;t!=="";t=t.includes("/")?t.slice(0,t.lastIndexOf("/")):"")yield t}r(Oe,"foldersUp");function Be(s,t=Number.POSITIVE_INFINITY,i={}){let d=i.slowCreateMs??ve,f=t<we,o=f||s===null?1:Se,u=r(()=>({worker:void 0,slab:void 0,used:0,pieces:[],flushQueued:!1,slabsOut:0,made:new Set}),"newLane"),c=[u()],S=1,p,E=[],W=0,v=new Map,R=[],oe=r(()=>c.reduce((e,n)=>e+n.slabsOut,0),"slabsOut"),C=r(()=>{for(let e of R.splice(0))e()},"wake"),j=r(e=>{if(!p){p=new T(`the file writer stopped (${e.message}); nothing was written`,{code:"unwritable",cause:e});for(let n of v.values())n.reject(p);v.clear();for(let n of c)n.slabsOut=0;C()}},"die"),$=r((e,{slab:n,replies:a,created:b,createMs:h})=>{if(n&&E.push(n),e.slabsOut-=1,c.length<o&&b>=ke&&h/b>d){let m=u();c.push(m),_(m).unref()}for(let m of a){let k=v.get(m.id);k&&(v.delete(m.id),m.error?k.reject(ye(k.path,m.error)):k.resolve({sha256:m.sha256,size:m.size}))}e.slabsOut===0&&e.worker?.unref(),C()},"onMessage"),_=r(e=>{if(e.worker)return e.worker;if(f)return e.worker=be(a=>$(e,a),j),e.worker;let n=new te.Worker(se,{eval:!0});return n.on("message",a=>$(e,a)),n.on("error",j),n.on("exit",a=>{e.slabsOut>0&&j(new Error(`exit code ${a}`))}),e.worker=n,n},"start"),B=r(e=>{if(e.pieces.length===0)return;let n=_(e);n.ref(),e.slabsOut+=1;let a=e.slab?e.slab.buffer:null;n.postMessage({slab:a,pieces:e.pieces},a?[a]:[]),e.slab=void 0,e.used=0,e.pieces=[]},"flush"),fe=r(e=>{e.flushQueued||(e.flushQueued=!0,setImmediate(()=>{e.flushQueued=!1,B(e)}))},"queueFlush"),D=r(e=>{if(p)throw p;if(e.slab&&e.used<e.slab.byteLength)return e.slab;e.slab&&B(e);let n=E.pop();if(!n&&W<he&&(W+=1,n=new ArrayBuffer(ge)),!!n)return e.slab=new Uint8Array(n),e.used=0,e.slab},"roomNow"),de=r(async e=>{for(;;){let n=D(e);if(n)return n;await new Promise(a=>R.push(a))}},"room"),L=r((e,n)=>{if(p)throw p;e.pieces.push(n),fe(e)},"add"),U=r((e,n)=>{if(!(s===null||n===""||e.made.has(n))){for(let a of Oe(n)){if(e.made.has(a))break;e.made.add(a)}return(0,N.join)(s,n)}},"folderToMake"),q=r(async(e,n,a,b)=>{if(p)throw p;let h=S++,m=new Promise((O,y)=>v.set(h,{path:e,resolve:O,reject:y}));m.catch(()=>{});let k=e.lastIndexOf("/")>0?e.slice(0,e.lastIndexOf("/")):"",l=c[re(k,c.length)],z={id:h,target:s===null?null:(0,N.join)(s,e),mode:n&73?493:420,mtime:a,off:0,len:0,end:!1},Q=U(l,k);Q&&(z.dir=Q);let M=!0,w;try{let O;for(;;){let y=b.takeReady?.();if(y===null)break;if(y===void 0){O??=b[Symbol.asyncIterator]();let A=await O.next();if(A.done)break;y=A.value}let P=0;for(;P<y.length;){let A=D(l)??await de(l);(!w||l.pieces[l.pieces.length-1]!==w||w.off+w.len!==l.used)&&(w=M?{...z,off:l.used,len:0}:{id:h,off:l.used,len:0,end:!1},M=!1,L(l,w));let I=Math.min(A.byteLength-l.used,y.length-P);A.set(y.subarray(P,P+I),l.used),l.used+=I,w.len+=I,P+=I}}}catch(O){throw b.resume(),v.delete(h),M||L(l,{id:h,off:0,len:0,end:!0}),O}return w&&l.pieces[l.pieces.length-1]===w?w.end=!0:L(l,M?{...z,off:0,len:0,end:!0}:{id:h,off:0,len:0,end:!0}),{digest:m}},"startFile");if(s!==null)for(let e of c)_(e).unref();return{startFile:q,writers:r(()=>c.length,"writers"),async writeFile(e,n,a,b,h){let{digest:m}=await q(e,n,a,b,h);return m},async mkdir(e){if(s===null||e==="")return;let n=c[re(e,c.length)],a=U(n,e);a&&L(n,{id:0,dir:a,off:0,len:0,end:!1})},async close(){for(let n of c)B(n);for(;oe()>0&&!p;)await new Promise(n=>R.push(n));let e=c.map(n=>n.worker);for(let n of c)n.worker=void 0;await Promise.all(e.map(n=>n?.terminate()))}}}r(Be,"threadedSink");function ie(s,t){let i=s[t];return t===s.length-1?i==="head"||i==="commondir"?i:void 0:i==="objects"||i==="refs"?i:void 0}r(ie,"memberAt");function xe(s,t){let i=new Map;for(let f of s){let o=f.split("/"),u=o.map(t);for(let c=0;c<o.length;c++){let S=ie(u,c);if(S===void 0)continue;let p=o.slice(0,c).join("/"),E=i.get(p)??new Set;E.add(S),i.set(p,E)}}let d=new Set;for(let[f,o]of i)o.has("head")&&(o.has("commondir")||o.has("objects")&&o.has("refs"))&&d.add(f);return d}r(xe,"gitRepoFolders");function Ee(s,t,i){if(i.size!==0){if(i.has("")&&ie(t,0)!==void 0)return s[0];for(let d=1;d<s.length;d++){let f=s.slice(0,d).join("/");if(i.has(f))return f}}}r(Ee,"repoRemoval");var Pe=new Set([".hg",".jj",".sl"]);function We(s,t){let i=xe(s,t);for(let d of s){let f=d.split("/"),o=f.map(t),u=o.findIndex((S,p)=>S===".git"||p<o.length-1&&Pe.has(S));if(u>=0)return f.slice(0,u+1).join("/");let c=Ee(f,o,i);if(c!==void 0)return c}}r(We,"vcsMetadataIn");export{Le as a,Be as b,xe as c,Ee as d,Pe as e,We as f};
