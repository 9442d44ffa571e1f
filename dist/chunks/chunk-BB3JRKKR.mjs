#!/usr/bin/env node
import{a as i}from"./chunk-UB5XQDZL.mjs";import{b as e,c as u}from"./chunk-IDPOGZEX.mjs";var n=u((t,r)=>{r.exports=i()(function(){return e("node:fs")})});export{n as a};
