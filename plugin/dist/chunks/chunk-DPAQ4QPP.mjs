#!/usr/bin/env node
import{a as t,b as i,c as O}from"./chunk-IDPOGZEX.mjs";var y=O((b,c)=>{var o,a=t(function(){return o||(o=i("node:os"))},"load"),u=new Proxy({},{get:t(function(f,r,e){var n=a();return Object.getPrototypeOf(e)===u&&Object.setPrototypeOf(e,n),n[r]},"get"),has:t(function(f,r){return r in a()},"has")});c.exports=Object.create(u)});export{y as a};
