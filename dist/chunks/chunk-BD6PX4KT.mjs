#!/usr/bin/env node
import{a as t}from"./chunk-IDPOGZEX.mjs";function s(r,i){let n=r.length;for(;n>0&&i.includes(r[n-1]);)n--;return n===r.length?r:r.slice(0,n)}t(s,"trimEndOf");function g(r,i){let n=0;for(;n<r.length&&i.includes(r[n]);)n++;return n===0?r:r.slice(n)}t(g,"trimStartOf");export{s as a,g as b};
