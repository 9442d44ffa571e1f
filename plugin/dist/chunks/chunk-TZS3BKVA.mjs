#!/usr/bin/env node
import{a as u}from"./chunk-IDPOGZEX.mjs";function i(r,n,t=`${n}s`){return r===1?n:t}u(i,"noun");function s(r,n,t=`${n}s`){return`${r} ${i(r,n,t)}`}u(s,"counted");export{i as a,s as b};
