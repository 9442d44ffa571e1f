#!/usr/bin/env node
import{b as r,c as i}from"./chunk-IDPOGZEX.mjs";var o=i((p,e)=>{e.exports=r("node:stream")});export{o as a};
