#!/usr/bin/env node
import{b as i}from"./chunk-YEINTJO6.mjs";import{a as s}from"./chunk-O4AR3DY2.mjs";import{a as o,d as t}from"./chunk-IDPOGZEX.mjs";var n=t(s(),1);function m(r=process.env){let e=r.ALIVE_HOME;return e&&e.trim()!==""?e:(0,n.join)(i(),".alive")}o(m,"aliveHome");function v(r=process.env){return(0,n.join)(m(r),"relay")}o(v,"relayDir");export{m as a,v as b};
