#!/usr/bin/env node
import{b as s,h as i}from"./chunk-44SZJA6T.mjs";import{a as e}from"./chunk-IDPOGZEX.mjs";function o(n,r){let t=i(n,s(r));return[t.open,t.body,t.close]}e(o,"fencedLines");function c(n,r){return{json:{[n.replace(/ /g,"_")]:r},lines:o(`UNTRUSTED ${n.toUpperCase()}`,r)}}e(c,"untrustedDetail");export{o as a,c as b};
