#!/usr/bin/env node
import{a as n}from"./chunk-IDPOGZEX.mjs";function e(r,t,u=`${t}s`){return`${r} ${r===1?t:u}`}n(e,"counted");export{e as a};
