#!/usr/bin/env node
import{a as t,c as O}from"./chunk-IDPOGZEX.mjs";var y=O((b,c)=>{c.exports=function(f){var e,n=t(function(){return e||(e=f())},"load"),o=new Proxy({},{get:t(function(i,r,a){var u=n();return Object.getPrototypeOf(a)===o&&Object.setPrototypeOf(a,u),u[r]},"get"),has:t(function(i,r){return r in n()},"has")});return Object.create(o)}});export{y as a};
