#!/usr/bin/env node
import{a as n}from"./chunk-BB3JRKKR.mjs";import{a as h}from"./chunk-LK5J5IDF.mjs";import{a as e,d as t}from"./chunk-IDPOGZEX.mjs";var a=t(h(),1),s=t(n(),1);async function c(o){let r=(0,a.createHash)("sha256");for await(let i of(0,s.createReadStream)(o,{highWaterMark:1<<20}))r.update(i);return r.digest("hex")}e(c,"sha256File");export{c as a};
