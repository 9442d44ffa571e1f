#!/usr/bin/env node
import{b as r,c as i}from"./chunk-Z57D6PH6.mjs";var o=i((p,e)=>{e.exports=r("node:stream")});export{o as a};
