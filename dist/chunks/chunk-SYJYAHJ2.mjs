#!/usr/bin/env node
import{a as m}from"./chunk-VJNBGRZE.mjs";import{b as s}from"./chunk-7KFSSDFP.mjs";import{a as o,d as i}from"./chunk-IFLFJIQW.mjs";var t=i(m(),1),n=i(s(),1);function c(r=process.env){let e=r.ALIVE_HOME;return e&&e.trim()!==""?e:(0,n.join)((0,t.homedir)(),".alive")}o(c,"aliveHome");function v(r=process.env){return(0,n.join)(c(r),"relay")}o(v,"relayDir");export{c as a,v as b};
