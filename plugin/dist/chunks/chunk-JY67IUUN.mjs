#!/usr/bin/env node
import{a as o}from"./chunk-TD3GEFHN.mjs";import{a as r,d as n}from"./chunk-IDPOGZEX.mjs";var t=n(o(),1);function e(i){return(0,t.join)(i,".alive","imports.json")}r(e,"ledgerPath");export{e as a};
