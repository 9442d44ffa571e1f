#!/usr/bin/env node
import{l as i,o as t}from"./chunk-GEK33UI2.mjs";import{a as o}from"./chunk-VQKFYV2D.mjs";import{b as n}from"./chunk-2RZGJXZV.mjs";import{a as e}from"./chunk-IDPOGZEX.mjs";function m(f,d){let r;try{r=i(o(n(d)).config)}catch{return}return(r&&t(r,f))?.fingerprint??void 0}e(m,"relayPinFor");export{m as a};
