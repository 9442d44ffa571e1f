#!/usr/bin/env node
import{a as d}from"./chunk-EFP4MHK5.mjs";import{a}from"./chunk-BB3JRKKR.mjs";import{a as p}from"./chunk-LK5J5IDF.mjs";import{a as i,d as e}from"./chunk-IDPOGZEX.mjs";var o=e(p(),1),n=e(a(),1),s=e(d(),1);var r;function c(){if(r!==void 0)return r;let t=[];try{t.push((0,n.readFileSync)("/proc/sys/kernel/random/boot_id","latin1").trim()),t.push((0,n.readlinkSync)("/proc/self/ns/pid"))}catch{t.push((0,s.hostname)())}return r=BigInt(`0x${(0,o.createHash)("sha256").update(t.join(`
`)).digest("hex").slice(0,12)}`).toString(36),r}i(c,"hostTag");export{c as a};
