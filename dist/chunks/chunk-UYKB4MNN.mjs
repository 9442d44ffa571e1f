#!/usr/bin/env node
import{d,g as f,i as o}from"./chunk-XBF5QC5H.mjs";import{a}from"./chunk-ECCDQ4TE.mjs";import{b as t}from"./chunk-O4HQPULV.mjs";import{a as i}from"./chunk-IDPOGZEX.mjs";function m(s,u){let e;try{e=d(a(t(u)).config)}catch{return}let r=e&&f(e,s);if(!r)return;let n=o(e,r);return n!==void 0?{sharedWith:n}:r.fingerprint??void 0}i(m,"relayPinFor");export{m as a};
